package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Energy per token for every row measured with a power source: tok/s beside the mean and peak watts
 * over the row's own windows, joules per token gross and net of the idle baseline, and the flags
 * that say a figure is less than exact (a window shorter than five sample periods, inferred back to
 * back ...), so a reader weighs it.
 */
final class EnergyTable {
  static final String NAME = "energy";

  static final String NOTE =
      "Joules from the run's power source (energy_source) over each row's own windows: the"
          + " repetitions' or tokens' times, not the whole process; net = gross less the idle"
          + " baseline's mean power over the same time. Flags: short = windows add up to fewer"
          + " than five sample periods; back-to-back = windows inferred from the row's arrival;"
          + " peak-is-mean = the power readings lag the counter (Hopper averages them over 1 s).";

  private EnergyTable() {}

  static Optional<ReportTable> of(DataFolder data) {
    List<BenchResult> rows = EnergyRows.of(data);
    if (rows.isEmpty()) return Optional.empty();
    List<String> labels = EnergyRows.labels(data, rows);
    List<List<Entry>> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) out.add(row(labels.get(i), rows.get(i)));
    List<String> headers =
        List.of(
            "Configuration",
            "tok/s",
            "Mean W",
            "Peak W",
            "J/token",
            "J/token net",
            "tokens/J",
            "Source",
            "Flags");
    return Optional.of(new ReportTable(NAME, "Energy per token", headers, out, NOTE));
  }

  private static List<Entry> row(String label, BenchResult r) {
    return List.of(
        Entry.text(label).from(r),
        number(r.tokensPerSMean(), 2).from(r),
        number(EnergyRows.number(r, "mean_w"), 1).from(r),
        number(EnergyRows.number(r, "peak_w"), 1).from(r),
        number(EnergyRows.number(r, "j_per_tok"), 4).from(r),
        number(EnergyRows.number(r, "j_per_tok_net"), 4).from(r),
        number(EnergyRows.number(r, "tok_per_j"), 2).from(r),
        Entry.text(r.provenance().getOrDefault("energy_source", "")),
        Entry.text(r.extra().getOrDefault("energy_flag", "")));
  }

  private static Entry number(double v, int decimals) {
    return Double.isNaN(v) ? Entry.text("—") : Entry.number(fixed(v, decimals), v);
  }
}
