package dev.tokbench.energy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * One RAPL zone of the powercap tree ({@code intel-rapl:0} = {@code package-0}, {@code
 * intel-rapl:0:0} = its {@code core}, ...): its counter {@code energy_uj} in microjoules, which
 * wraps to 0 past {@code max_energy_range_uj}. Reading it unwraps: a value below the last one means
 * one wrap (sampled every 100 ms, two wraps in one period would need petawatts on a 262 kJ range).
 */
final class RaplZone {
  private final Path dir;
  private final String channel;
  private final boolean inTotal;
  private final long rangeUj;
  private long last = -1;
  private long wraps;

  RaplZone(Path dir, String channel, boolean inTotal, long rangeUj) {
    this.dir = dir;
    this.channel = channel;
    this.inTotal = inTotal;
    this.rangeUj = rangeUj;
  }

  String channel() {
    return channel;
  }

  boolean inTotal() {
    return inTotal;
  }

  Path dir() {
    return dir;
  }

  /** Reads a zone's one-line file, e.g. {@code name}; the error says which file and why. */
  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.US_ASCII).trim();
  }

  /** The counter now, unwrapped, in joules; empty when it could not be read this time. */
  synchronized OptionalDouble joules() {
    long raw;
    try {
      raw = Long.parseLong(read(dir.resolve("energy_uj")));
    } catch (IOException | NumberFormatException e) {
      return OptionalDouble.empty();
    }
    if (last >= 0 && raw < last) wraps++;
    last = raw;
    return OptionalDouble.of((raw + wraps * rangeUj) / 1e6);
  }
}
