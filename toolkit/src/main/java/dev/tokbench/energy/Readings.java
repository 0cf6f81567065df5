package dev.tokbench.energy;

import java.util.Locale;

/**
 * What a GPU source reads alongside power, to tell a throttled or idle device from a busy one; NaN
 * where the source has no such reading.
 *
 * @param smMhz streaming multiprocessor (graphics) clock
 * @param memMhz memory clock
 * @param tempC GPU temperature
 * @param utilPct GPU utilisation, percent of the sample period some kernel ran
 * @param memUsedMib device memory in use
 */
public record Readings(
    double smMhz, double memMhz, double tempC, double utilPct, double memUsedMib) {
  /** No readings: a power rail, a RAPL zone. */
  public static final Readings NONE =
      new Readings(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** True when every reading is absent. */
  public boolean isNone() {
    return Double.isNaN(smMhz)
        && Double.isNaN(memMhz)
        && Double.isNaN(tempC)
        && Double.isNaN(utilPct)
        && Double.isNaN(memUsedMib);
  }

  @Override
  public String toString() {
    return isNone()
        ? "no readings"
        : String.format(
            Locale.ROOT,
            "SM %.0f MHz, mem %.0f MHz, %.0f C, %.0f%%, %.0f MiB",
            smMhz,
            memMhz,
            tempC,
            utilPct,
            memUsedMib);
  }
}
