package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The executive summary: decode speed per framework (rows) for each model marked for the summary
 * (columns), the fastest framework of each model in bold, and a row with its reason for every run
 * that measured nothing, so a failed or out-of-memory run is seen where the reader looks first.
 */
final class SummaryTable {
  private final DataFolder data;
  private final Placements placed;

  SummaryTable(DataFolder data, Placements placed) {
    this.data = data;
    this.placed = placed;
  }

  Optional<ReportTable> build() {
    List<ModelEntry> cols = data.models().stream().filter(ModelEntry::inSummary).toList();
    if (cols.isEmpty()) return Optional.empty();
    List<String> headers = new ArrayList<>(List.of("Framework"));
    cols.forEach(m -> headers.add(m.chartLabel() + " decode"));
    List<List<Entry>> rows = new ArrayList<>();
    for (String label : summaryLabels(cols)) {
      List<Entry> row = new ArrayList<>(List.of(Entry.text(label)));
      for (ModelEntry m : cols) row.add(summaryCell(label, m));
      rows.add(row);
    }
    for (BenchResult r : data.results()) {
      if (r.ok() || BeamPhase.isSearch(r)) continue;
      placed.place(r, "summary", rows.size(), ownColumn(r, cols));
      rows.add(unavailableRow(r, cols));
    }
    return Optional.of(new ReportTable("summary", "Executive Summary", headers, rows, ""));
  }

  private Set<String> summaryLabels(List<ModelEntry> cols) {
    Set<String> labels = new LinkedHashSet<>();
    for (BenchResult r : data.merged()) {
      if (Labels.decode(r) && cols.stream().anyMatch(m -> m.is(r.model(), r.quant()))) {
        labels.add(Labels.framework(r));
      }
    }
    return labels;
  }

  private Entry summaryCell(String label, ModelEntry m) {
    Optional<BenchResult> r =
        decodeOf(m).filter(x -> Labels.framework(x).equals(label)).findFirst();
    if (r.isEmpty()) return Entry.text("—");
    double v = r.get().tokensPerSMean();
    Entry c = new Entry(fixed(v, 2), " tok/s", false, v).from(r.get());
    return leader(m).equals(r.get().framework()) ? c.inBold() : c;
  }

  /** The framework with the fastest decode of this model: the report bolds all its rows. */
  private String leader(ModelEntry m) {
    return decodeOf(m)
        .max(Comparator.comparingDouble(BenchResult::tokensPerSMean))
        .map(BenchResult::framework)
        .orElse("");
  }

  private Stream<BenchResult> decodeOf(ModelEntry m) {
    return data.merged().stream().filter(r -> Labels.decode(r) && m.is(r.model(), r.quant()));
  }

  /** The summary column of a failed row's model: its own, else the first. */
  private static int ownColumn(BenchResult r, List<ModelEntry> cols) {
    for (int i = 0; i < cols.size(); i++) if (cols.get(i).is(r.model(), r.quant())) return i + 1;
    return 1;
  }

  /** A dash with why, in the row's own model column (every column when it has no model). */
  private static List<Entry> unavailableRow(BenchResult r, List<ModelEntry> cols) {
    String why =
        switch (r.status()) {
          case NOT_INSTALLED -> "— (install failed)";
          case OOM -> "— (does not fit)";
          case HUNG -> "— (hung)";
          default -> "— (failed)";
        };
    List<Entry> row = new ArrayList<>(List.of(Entry.text(Labels.framework(r))));
    for (ModelEntry m : cols) {
      boolean own = r.model().isEmpty() || m.is(r.model(), r.quant());
      row.add(Entry.text(own ? why : "—"));
    }
    return row;
  }
}
