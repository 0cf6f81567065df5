package dev.tokbench.serve;

import java.util.List;
import java.util.Locale;

/** Level summaries as a plain-text table, for the terminal and the REPL. */
public final class ServeTable {
  private static final String ROW = "%-16s %9s %10s %7s %17s %9s %15s %9s %9s%n";

  private ServeTable() {}

  public static String of(List<LevelSummary> summaries) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            ROW,
            "level",
            "ok/sent",
            "out tok/s",
            "req/s",
            "TTFT p50/p99 ms",
            "TPOT p50",
            "ITL p50/p99 ms",
            "E2E p50",
            "goodput"));
    for (LevelSummary s : summaries) {
      b.append(
          String.format(
              Locale.ROOT,
              ROW,
              s.level().label(),
              s.completed() + "/" + s.requests(),
              num(s.outputTokPerS(), 1),
              num(s.requestsPerS(), 2),
              num(s.ttft().p50(), 1) + " / " + num(s.ttft().p99(), 1),
              num(s.tpot().p50(), 2),
              num(s.itl().p50(), 2) + " / " + num(s.itl().p99(), 2),
              num(s.e2e().p50(), 1),
              s.goodRequests() < 0 ? "-" : num(s.goodputPerS(), 2) + "/s"));
    }
    return b.toString();
  }

  private static String num(double v, int decimals) {
    return Double.isNaN(v) || Double.isInfinite(v)
        ? "-"
        : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
