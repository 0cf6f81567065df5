package dev.tokbench.energy;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/** The energy test resources (see resources/energy/README.md). */
final class Fixtures {
  static final TraceOptions UTC = TraceOptions.defaults().withZone(ZoneOffset.UTC);

  private Fixtures() {}

  static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/energy/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The H200 marks: the start, the end of the 8B run, the end of the 1B run. */
  static java.util.List<Instant> h200Marks() throws java.io.IOException {
    return java.nio.file.Files.readAllLines(resource("h200-batched-marks.txt")).stream()
        .filter(l -> !l.isBlank())
        .map(Fixtures::unix)
        .toList();
  }

  /** A Unix time in seconds with a fraction, as {@code date +%s.%N} and the probes print it. */
  static Instant unix(String seconds) {
    BigDecimal s = new BigDecimal(seconds.trim());
    long whole = s.longValue();
    long nanos = s.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos);
  }
}
