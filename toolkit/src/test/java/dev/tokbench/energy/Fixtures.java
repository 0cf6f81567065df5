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

  /** A Unix time in seconds with a fraction, as {@code date +%s.%N} and the probes print it. */
  static Instant unix(String seconds) {
    BigDecimal s = new BigDecimal(seconds.trim());
    long whole = s.longValue();
    long nanos = s.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos);
  }
}
