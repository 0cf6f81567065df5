package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.bandwidth.Bandwidth;
import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Comparison;
import java.util.ArrayList;
import java.util.List;

/**
 * Two reports side by side: each test both measured, tok/s on each device, the speedup, and for
 * decode the bandwidth used (weights × tok/s) as GB/s and % of each device's theoretical.
 */
final class ComparisonTable {
  private ComparisonTable() {}

  static ReportTable of(Report base, Report other) {
    Comparison c = base.compareWith(other);
    String a = base.data().device().device().name();
    String b = other.data().device().device().name();
    List<String> headers =
        List.of(
            "Model",
            "FA",
            "Test",
            a + " (tok/s)",
            b + " (tok/s)",
            "Speedup",
            a + " (GB/s, % of theoretical)",
            b + " (GB/s, % of theoretical)");
    List<List<Entry>> rows = new ArrayList<>();
    for (Comparison.Pair p : c.rows()) {
      rows.add(
          List.of(
              Entry.text(Labels.chartLabel(base.data(), p.baseline())),
              Entry.text(p.baseline().flashAttn().label()),
              Entry.text(p.baseline().test()),
              number(p.baseline().tokensPerSMean(), 2),
              number(p.candidate().tokensPerSMean(), 2),
              new Entry(fixed(p.speedup(), 1), "×", false, p.speedup()),
              bandwidth(base.data(), p.baseline()),
              bandwidth(other.data(), p.candidate())));
    }
    String title = base.name() + " against " + other.name();
    return new ReportTable("compare", title, headers, rows, "Speedup: " + b + " ÷ " + a + ".");
  }

  private static Entry bandwidth(DataFolder data, BenchResult r) {
    Bytes w = Labels.weights(data, r);
    if (!Labels.decode(r) || w == null) return Entry.text("—");
    Bandwidth used = Bandwidth.effective(w, r.tokensPerSMean());
    String pct = fixed(used.percentOf(data.device().theoretical()), 1);
    return Entry.number(fixed(used.gbPerS(), 1) + " (" + pct + "%)", used.gbPerS());
  }

  private static Entry number(double v, int decimals) {
    return Entry.number(fixed(v, decimals), v);
  }
}
