package dev.tokbench.energy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * tokbench's own trace format, written by {@link EnergyMeter}: CSV with this header and one row per
 * reading of one channel.
 *
 * <pre>
 * epoch_ms,mono_ns,source,channel,in_total,watts,energy_j,sm_mhz,mem_mhz,temp_c,util_pct,mem_used_mib
 * 1796113515462,81234567890123,nvml,gpu0,1,79.880,123456.789,345,3201,39,0,0
 * </pre>
 *
 * {@code epoch_ms} is the wall clock and {@code mono_ns} the JVM's monotonic clock at the reading
 * (intervals are measured on it); {@code in_total} is 1 for a channel counted in the total; {@code
 * energy_j} is the source's cumulative counter, unwrapped; an empty cell is a reading the source
 * does not have.
 */
final class TraceCsv {
  static final String HEADER =
      "epoch_ms,mono_ns,source,channel,in_total,watts,energy_j,sm_mhz,mem_mhz,temp_c,util_pct,"
          + "mem_used_mib";
  private static final int CELLS = 12;

  private TraceCsv() {}

  static boolean isHeader(String line) {
    return line.trim().equals(HEADER);
  }

  static void writeHeader(Writer w) {
    write(w, HEADER + "\n");
  }

  static void write(Writer w, PowerSample s) {
    Readings r = s.readings();
    write(
        w,
        String.join(
                ",",
                Long.toString(s.stamp().epochMs()),
                Long.toString(s.stamp().monoNs()),
                s.source(),
                s.channel(),
                s.inTotal() ? "1" : "0",
                cell(s.watts(), "%.3f"),
                cell(s.energyJ(), "%.6f"),
                cell(r.smMhz(), "%.0f"),
                cell(r.memMhz(), "%.0f"),
                cell(r.tempC(), "%.1f"),
                cell(r.utilPct(), "%.0f"),
                cell(r.memUsedMib(), "%.0f"))
            + "\n");
  }

  /** One data row. */
  static PowerSample read(String line, long number, String file) {
    String[] c = line.split(",", -1);
    if (c.length != CELLS) {
      throw new TraceFormatException(file, number, "expected " + CELLS + " cells, got " + c.length);
    }
    try {
      Stamp stamp = new Stamp(Long.parseLong(c[0]), Long.parseLong(c[1]));
      Readings r = new Readings(num(c[7]), num(c[8]), num(c[9]), num(c[10]), num(c[11]));
      return new PowerSample(stamp, c[2], c[3], c[4].equals("1"), num(c[5]), num(c[6]), r);
    } catch (IllegalArgumentException e) {
      throw new TraceFormatException(file, number, e.getMessage());
    }
  }

  /** Samples from rows; the file's description. */
  static Trace trace(List<PowerSample> samples) {
    List<String> sources = new ArrayList<>();
    for (PowerSample s : samples) if (!sources.contains(s.source())) sources.add(s.source());
    return Trace.of(samples, "tokbench trace from " + String.join(", ", sources));
  }

  private static double num(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  private static String cell(double v, String format) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
  }

  private static void write(Writer w, String text) {
    try {
      w.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the energy trace", e);
    }
  }
}
