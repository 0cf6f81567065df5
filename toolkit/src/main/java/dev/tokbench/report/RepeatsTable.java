package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MergedRuns;
import dev.tokbench.results.Pooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statistics behind merged cells: every configuration measured by more than one run, and every
 * one whose repetitions vary by more than {@link Pooled#HIGH_VARIATION} of their mean, with its
 * runs, repetitions, pooled mean and standard deviation, 95 % confidence interval and coefficient
 * of variation.
 */
final class RepeatsTable {
  static final String NOTE =
      "Runs of one configuration (equal settings, in one file or several) are merged: mean and"
          + " standard deviation over all their repetitions together; 95% CI = mean ± t(0.975, n-1)"
          + " × sd / √n over the n repetitions; CV = sd ÷ mean, in bold over "
          + fixed(Pooled.HIGH_VARIATION * 100, 0)
          + "% (the repetitions disagree more than a quiet machine's do).";

  private RepeatsTable() {}

  static Optional<ReportTable> of(DataFolder data) {
    List<MergedRuns> shown = new ArrayList<>();
    for (MergedRuns c : data.configurations()) {
      if (c.runs().size() > 1 || c.pooled().highVariation()) shown.add(c);
    }
    if (shown.isEmpty()) return Optional.empty();
    List<BenchResult> rows = shown.stream().map(MergedRuns::first).toList();
    List<String> labels =
        Labels.distinct(
            rows, r -> Labels.framework(r) + " " + Labels.chartLabel(data, r) + " " + r.test());
    List<List<Entry>> out =
        LazyRows.withoutSources(shown.size(), i -> row(labels.get(i), shown.get(i).pooled()));
    List<String> headers =
        List.of("Configuration", "Runs", "Repetitions", "tok/s (mean ± sd)", "95% CI", "CV");
    return Optional.of(new ReportTable("repeats", "Repeats and variation", headers, out, NOTE));
  }

  private static List<Entry> row(String label, Pooled p) {
    double cv = p.cv() * 100;
    Entry cvEntry = Entry.number(Double.isNaN(cv) ? "—" : fixed(cv, 1) + "%", cv);
    String ci =
        Double.isNaN(p.ci95HalfWidth())
            ? "—"
            : fixed(p.ci95Low(), 2) + "-" + fixed(p.ci95High(), 2);
    String sd = Double.isNaN(p.stddev()) ? "" : " ± " + fixed(p.stddev(), 2);
    return List.of(
        Entry.text(label),
        Entry.number(Integer.toString(p.runs()), p.runs()),
        Entry.number(Integer.toString(p.repetitions()), p.repetitions()),
        Entry.number(fixed(p.mean(), 2) + sd, p.mean()),
        Entry.text(ci),
        p.highVariation() ? cvEntry.inBold() : cvEntry);
  }
}
