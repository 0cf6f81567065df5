package dev.tokbench.energy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A saved tegrastats log ({@code tegrastats --interval N --logfile F}, or its stdout): lines {@code
 * N} ms apart. Their own timestamps have only whole seconds, so the times are the line's index
 * times the interval, anchored and (where the interval is not given) paced by the lines at which
 * the timestamp's second ticks over: between the first and the last tick, k lines span exactly the
 * seconds the stamps advanced, to within one interval.
 */
final class TegraLog {
  /** tegrastats' own default interval. */
  static final Duration DEFAULT_INTERVAL = Duration.ofMillis(1000);

  private final List<TegraLine> lines = new ArrayList<>();

  void add(TegraLine line) {
    lines.add(line);
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The trace, with how its times were found in its description. */
  Trace trace(TraceOptions options, String file) {
    if (lines.stream().allMatch(l -> l.railsMw().isEmpty())) {
      throw new TraceFormatException(file, 0, "tegrastats lines without power rails: no energy");
    }
    Pace pace = pace(options.interval());
    // the board's rails are chosen once for the whole log (from every rail it names), so a line
    // that lacks the input rail (cut short) cannot move its other rails into the total
    Set<String> rails = new LinkedHashSet<>();
    for (TegraLine l : lines) rails.addAll(l.railsMw().keySet());
    List<String> board = TegraLine.boardRails(List.copyOf(rails));
    List<PowerSample> samples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      double at = pace.startMs + i * pace.intervalMs;
      if (!(Math.abs(at) <= Long.MAX_VALUE / 1e6)) { // Stamp holds it in ns too
        throw new TraceFormatException(
            file,
            0,
            "line " + (i + 1) + "'s time, paced from the log's ticks, is past the year 2262");
      }
      long ms = pace.startMs + Math.round(i * pace.intervalMs);
      samples.addAll(lines.get(i).samples(Stamp.ofEpochMs(ms), board));
    }
    return Trace.of(
        samples,
        String.format(
            Locale.ROOT,
            "tegrastats log, lines %.1f ms apart (%s), times %s",
            pace.intervalMs,
            pace.how,
            pace.anchored ? "from its timestamps in " + options.zone() : "from 0 (no timestamps)"));
  }

  private record Pace(long startMs, double intervalMs, String how, boolean anchored) {}

  private Pace pace(Duration given) {
    List<Integer> ticks = ticks();
    boolean stamped = lines.get(0).epochMs().isPresent();
    double interval;
    String how;
    if (given != null) {
      interval = given.toNanos() / 1e6;
      how = "as given";
    } else if (ticks.size() >= 2) {
      int a = ticks.get(0);
      int b = ticks.get(ticks.size() - 1);
      interval = (double) (epoch(b) - epoch(a)) / (b - a);
      how = "inferred from " + (b - a) + " lines between timestamp ticks";
    } else {
      interval = DEFAULT_INTERVAL.toMillis();
      how = "tegrastats' default, assumed: pass the --interval it ran with";
    }
    if (!stamped) return new Pace(0, interval, how, false);
    // a tick line starts its second: line 0 lies (tick index) intervals before it
    long start =
        ticks.isEmpty() ? epoch(0) : epoch(ticks.get(0)) - Math.round(ticks.get(0) * interval);
    return new Pace(start, interval, how, true);
  }

  /** Indices of lines whose timestamp's second differs from the previous line's. */
  private List<Integer> ticks() {
    List<Integer> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      var a = lines.get(i - 1).epochMs();
      var b = lines.get(i).epochMs();
      if (a.isPresent() && b.isPresent() && b.getAsLong() != a.getAsLong()) out.add(i);
    }
    return out;
  }

  private long epoch(int i) {
    return lines.get(i).epochMs().orElse(0);
  }
}
