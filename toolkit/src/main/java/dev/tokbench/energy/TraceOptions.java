package dev.tokbench.energy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How to read a trace file where the file itself does not say.
 *
 * @param zone the time zone of timestamps without one: {@code nvidia-smi} and {@code tegrastats}
 *     print the recording machine's local time
 * @param interval the tegrastats {@code --interval} the log was written at; {@code null} to infer
 *     it from the log's timestamps (or take tegrastats' default of 1000 ms where it has none)
 * @param powerColumn the nvidia-smi column to integrate; {@code null} for the first of {@code
 *     power.draw.instant}, {@code power.draw}, {@code power.draw.average} that the file has
 */
public record TraceOptions(ZoneId zone, Duration interval, String powerColumn) {
  public TraceOptions {
    Objects.requireNonNull(zone, "zone");
    if (interval != null && (interval.isNegative() || interval.isZero())) {
      throw new IllegalArgumentException("a tegrastats interval must be positive, got " + interval);
    }
  }

  /** This machine's time zone, the interval inferred, the best power column. */
  public static TraceOptions defaults() {
    return new TraceOptions(ZoneId.systemDefault(), null, null);
  }

  public TraceOptions withZone(ZoneId z) {
    return new TraceOptions(z, interval, powerColumn);
  }

  public TraceOptions withInterval(Duration d) {
    return new TraceOptions(zone, d, powerColumn);
  }

  public TraceOptions withPowerColumn(String c) {
    return new TraceOptions(zone, interval, c);
  }
}
