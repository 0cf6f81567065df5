package dev.tokbench.energy;

import java.util.Locale;
import java.util.Objects;

/**
 * One reading of one channel of a power source: a GPU ({@code gpu0}), a Jetson rail ({@code
 * VDD_IN}), a RAPL zone ({@code package-0}).
 *
 * @param stamp when it was read
 * @param source the source's name ({@code nvml}, {@code nvidia-smi}, {@code tegrastats}, {@code
 *     rapl})
 * @param channel what was read, unique within the trace
 * @param inTotal true when the channel counts towards the machine's total (a whole GPU, a board's
 *     input rail, a CPU package); false for a part of another channel (a Jetson sub-rail, a RAPL
 *     core zone)
 * @param watts power at that moment (or over the source's own averaging period); NaN when the
 *     source has only an energy counter and this is its first reading
 * @param energyJ the source's cumulative energy counter, already unwrapped, in joules; NaN when the
 *     source has no counter
 * @param readings clocks, temperature, utilisation and memory read alongside
 */
public record PowerSample(
    Stamp stamp,
    String source,
    String channel,
    boolean inTotal,
    double watts,
    double energyJ,
    Readings readings) {
  public PowerSample {
    Objects.requireNonNull(stamp, "stamp");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(readings, "readings");
    if (channel == null || channel.isBlank() || channel.contains(",")) {
      throw new IllegalArgumentException("a channel needs a name without commas, got " + channel);
    }
    if (Double.isNaN(watts) && Double.isNaN(energyJ)) {
      throw new IllegalArgumentException(
          "a sample of " + channel + " needs a power or an energy reading, got neither");
    }
  }

  /** A power reading with nothing alongside. */
  public static PowerSample ofWatts(Stamp stamp, String source, String channel, double watts) {
    return new PowerSample(stamp, source, channel, true, watts, Double.NaN, Readings.NONE);
  }

  /** True when the source has a cumulative energy counter on this channel. */
  public boolean hasCounter() {
    return !Double.isNaN(energyJ);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s %s %s %.2f W %.3f J", stamp, source, channel, watts, energyJ);
  }
}
