package dev.tokbench.energy;

import dev.tokbench.ReadLimits;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a saved power trace, whichever of the three kinds it is (told by its first line): an {@code
 * nvidia-smi --query-gpu} CSV, a {@code tegrastats} log, or tokbench's own ({@link TraceCsv}).
 */
public final class Traces {
  /** The latest time whose epoch nanoseconds fit a long (2262-04-11). */
  private static final long MAX_EPOCH_MS = Long.MAX_VALUE / 1_000_000L;

  private Traces() {}

  /** Reads {@code file} with the default options (this machine's time zone). */
  public static Trace read(Path file) {
    return read(file, TraceOptions.defaults());
  }

  /**
   * Reads {@code file} within {@link ReadLimits#POWER_TRACE}: 256 MiB, strict UTF-8 (a bad byte is
   * named with its offset), 64 KiB a line.
   */
  public static Trace read(Path file, TraceOptions options) {
    try (Reader in = new StringReader(ReadLimits.POWER_TRACE.read(file))) {
      return read(in, file.toString(), options);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String fails only as above
    }
  }

  /** Reads a trace from {@code in}; {@code name} is how messages call it. */
  public static Trace read(Reader in, String name, TraceOptions options) throws IOException {
    BoundedLines lines = new BoundedLines(in, name);
    String first = lines.next();
    while (first != null && first.isBlank()) first = lines.next();
    if (first == null) throw new TraceFormatException(name, 0, "empty: no power samples");
    if (TraceCsv.isHeader(first)) return own(lines, name);
    if (NvidiaSmiCsv.isHeader(first)) return nvidiaSmi(first, lines, name, options);
    if (TegraLine.isTegrastats(first)) {
      return tegrastats(first, lines, name, options);
    }
    throw new TraceFormatException(
        name,
        lines.number(),
        "not a power trace: expected an nvidia-smi --query-gpu CSV header (timestamp, power.draw"
            + " ...), a tegrastats line, or tokbench's header '"
            + TraceCsv.HEADER
            + "'");
  }

  private static Trace own(BoundedLines lines, String name) throws IOException {
    List<PowerSample> samples = new ArrayList<>();
    Map<String, PowerSample> firstOf = new HashMap<>();
    for (String l = lines.next(); l != null; l = lines.next()) {
      if (l.isBlank()) continue;
      PowerSample s = TraceCsv.read(l, lines.number(), name);
      PowerSample f = firstOf.putIfAbsent(s.channel(), s);
      if (f != null && (f.inTotal() != s.inTotal() || !f.source().equals(s.source()))) {
        throw new TraceFormatException(
            name,
            lines.number(),
            "channel "
                + cut(s.channel())
                + " changes source or in_total (was "
                + cut(f.source())
                + ","
                + (f.inTotal() ? 1 : 0)
                + ", now "
                + cut(s.source())
                + ","
                + (s.inTotal() ? 1 : 0)
                + ")");
      }
      samples.add(s);
    }
    if (samples.isEmpty()) throw new TraceFormatException(name, 0, "a header but no samples");
    return TraceCsv.trace(samples);
  }

  private static Trace nvidiaSmi(String header, BoundedLines lines, String name, TraceOptions o)
      throws IOException {
    NvidiaSmiCsv csv = NvidiaSmiCsv.header(header, o.powerColumn(), name);
    List<PowerSample> samples = new ArrayList<>();
    int skipped = 0;
    for (String l = lines.next(); l != null; l = lines.next()) {
      if (l.isBlank() || NvidiaSmiCsv.isHeader(l)) continue; // a restarted nvidia-smi
      Optional<NvidiaSmiCsv.Row> row = csv.row(l, lines.number(), o.zone(), name);
      if (row.isEmpty()) skipped++;
      if (row.isPresent() && Math.abs(row.get().epochMs()) > MAX_EPOCH_MS) {
        throw new TraceFormatException(
            name, lines.number(), "a timestamp past the year 2262, which nanoseconds cannot hold");
      }
      row.ifPresent(r -> samples.add(sample(r, Stamp.ofEpochMs(r.epochMs()))));
    }
    if (samples.isEmpty()) {
      throw new TraceFormatException(
          name, 0, "no " + csv.powerColumn() + " readings (" + skipped + " rows without a value)");
    }
    return Trace.of(
        samples,
        "nvidia-smi --query-gpu CSV, "
            + csv.powerColumn()
            + " integrated, times in "
            + o.zone()
            + (skipped > 0 ? ", " + skipped + " rows without a value skipped" : ""));
  }

  /** A sample of one nvidia-smi row, live or from a file. */
  static PowerSample sample(NvidiaSmiCsv.Row r, Stamp stamp) {
    return new PowerSample(
        stamp, "nvidia-smi", r.channel(), true, r.watts(), Double.NaN, r.readings());
  }

  private static Trace tegrastats(String first, BoundedLines lines, String name, TraceOptions o)
      throws IOException {
    TegraLog log = new TegraLog();
    for (String l = first; l != null; l = lines.next()) {
      try {
        TegraLine.parse(l, o.zone()).ifPresent(log::add);
      } catch (IllegalArgumentException e) {
        throw new TraceFormatException(name, lines.number(), e.getMessage());
      }
    }
    return log.trace(o, name);
  }

  private static String cut(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
