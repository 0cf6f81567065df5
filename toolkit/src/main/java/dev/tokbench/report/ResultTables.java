package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.bandwidth.ByteUnit;
import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The report's result tables built from a {@link DataFolder}: the executive summary, one tinygrad
 * table per model, the full llama.cpp table and the model inventory.
 */
final class ResultTables {
  private final DataFolder data;

  ResultTables(DataFolder data) {
    this.data = data;
  }

  /** Decode speed per framework for each model marked for the summary; empty without any. */
  Optional<ReportTable> summary() {
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
      if (!r.ok() && !BeamPhase.isSearch(r)) rows.add(unavailableRow(r, cols));
    }
    return Optional.of(new ReportTable("summary", "Executive Summary", headers, rows, ""));
  }

  private Set<String> summaryLabels(List<ModelEntry> cols) {
    Set<String> labels = new LinkedHashSet<>();
    for (BenchResult r : data.results()) {
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
        .max(java.util.Comparator.comparingDouble(BenchResult::tokensPerSMean))
        .map(BenchResult::framework)
        .orElse("");
  }

  private java.util.stream.Stream<BenchResult> decodeOf(ModelEntry m) {
    return data.results().stream().filter(r -> Labels.decode(r) && m.is(r.model(), r.quant()));
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

  /**
   * One table per model that tinygrad's llama3.py decoded, in inventory order (the harness's pp/tg
   * rows, without llama3.py's printed figures, are in the prefill table).
   */
  List<ReportTable> tinygrad() {
    List<ReportTable> out = new ArrayList<>();
    for (ModelEntry m : data.models()) {
      List<BenchResult> rows =
          data.measured().stream()
              .filter(r -> r.framework().equals("tinygrad") && m.is(r.model(), r.quant()))
              .filter(r -> Labels.decode(r) && !r.provenance().containsKey("harness"))
              .toList();
      if (!rows.isEmpty()) out.add(tinygradTable(m, rows));
    }
    return out;
  }

  private static ReportTable tinygradTable(ModelEntry m, List<BenchResult> results) {
    List<List<Entry>> rows = new ArrayList<>();
    for (BenchResult r : results) {
      rows.add(
          List.of(
              Entry.text(r.flags().getOrDefault("env", r.backend()) + Labels.phase(r)),
              Entry.number(fixed(r.tokensPerSMean(), 2), r.tokensPerSMean()).from(r),
              extraNumber(r, "ms_per_token", "").from(r),
              extraNumber(r, "memory_bandwidth_gb_per_s", " GB/s").from(r),
              extraNumber(r, "param_bandwidth_gb_per_s", " GB/s").from(r)));
    }
    String size = m.size() == null ? "" : " (" + fixed(m.size().in(ByteUnit.GB), 2) + " GB)";
    return new ReportTable(
        "tinygrad " + m.tableLabel(),
        m.displayName() + " — " + m.quant() + size,
        List.of("Backend", "tok/s", "ms/tok", "Memory BW", "Param BW"),
        rows,
        "");
  }

  /** A figure tinygrad printed, to one decimal as it prints them, or a dash when absent. */
  private static Entry extraNumber(BenchResult r, String key, String unit) {
    String text = r.extra().get(key);
    if (text == null) return Entry.text("—");
    double v = Double.parseDouble(text);
    return new Entry(fixed(v, 1) + unit, "", false, v);
  }

  /** Every llama.cpp test at depth 0: one row per model, quantization and FA setting. */
  Optional<ReportTable> llamaCpp() {
    return llamaCpp("llama.cpp", "Full Results Table");
  }

  /**
   * The same table for runs of the llama.cpp embedded in tokbench (CPU, in-process): the same
   * engine under a different harness, so its own table, not mixed with llama-bench's figures.
   */
  Optional<ReportTable> embeddedLlamaCpp() {
    return llamaCpp("llama.cpp (embedded)", "Embedded llama.cpp (tokbench, CPU, in-process)");
  }

  private Optional<ReportTable> llamaCpp(String framework, String title) {
    List<BenchResult> rs =
        data.measured().stream()
            .filter(r -> r.framework().equals(framework) && r.nDepth() == 0)
            .toList();
    if (rs.isEmpty()) return Optional.empty();
    List<String> tests = rs.stream().map(BenchResult::test).distinct().toList();
    List<String> headers = new ArrayList<>(List.of("Model", "Quant", "FA"));
    tests.forEach(t -> headers.add(t + " (tok/s)"));
    List<List<Entry>> rows = new ArrayList<>();
    for (String key : rs.stream().map(ResultTables::config).distinct().toList()) {
      BenchResult first = rs.stream().filter(r -> config(r).equals(key)).findFirst().orElseThrow();
      List<Entry> row = new ArrayList<>();
      row.add(Entry.text(Labels.displayName(data, first)));
      row.add(Entry.text(first.quant()));
      row.add(Entry.text(first.flashAttn().label()));
      for (String t : tests) row.add(meanStddev(rs, key, t));
      rows.add(row);
    }
    return Optional.of(new ReportTable(framework, title, headers, rows, ""));
  }

  private static String config(BenchResult r) {
    return r.model() + "|" + r.quant() + "|" + r.flashAttn().label();
  }

  private static Entry meanStddev(List<BenchResult> rs, String key, String test) {
    Optional<BenchResult> r =
        rs.stream().filter(x -> config(x).equals(key) && x.test().equals(test)).findFirst();
    if (r.isEmpty()) return Entry.text("—");
    double mean = r.get().tokensPerSMean();
    Entry c =
        Entry.number(fixed(mean, 2) + " ± " + fixed(r.get().tokensPerSStddev(), 2), mean)
            .from(r.get());
    return test.startsWith("tg") ? c.inBold() : c;
  }

  /** Model, file, size and frameworks of every model in the inventory with a file name. */
  Optional<ReportTable> models() {
    List<List<Entry>> rows = new ArrayList<>();
    for (ModelEntry m : data.models()) {
      if (m.file().isEmpty()) continue;
      rows.add(
          List.of(
              Entry.text(m.displayName() + " " + m.quant()),
              Entry.text("`" + m.file() + "`"),
              size(m),
              Entry.text(m.frameworks())));
    }
    if (rows.isEmpty()) return Optional.empty();
    List<String> headers = List.of("Model", "File", "Size", "Architectures Tested");
    return Optional.of(new ReportTable("models", "Model Inventory", headers, rows, ""));
  }

  private Entry size(ModelEntry m) {
    dev.tokbench.bandwidth.Bytes b =
        m.size() != null
            ? m.size()
            : data.results().stream()
                .filter(r -> m.is(r.model(), r.quant()) && r.modelBytes() > 0)
                .findFirst()
                .map(r -> new dev.tokbench.bandwidth.Bytes(r.modelBytes()))
                .orElse(null);
    if (b == null) return Entry.text("—");
    double gb = b.in(dev.tokbench.bandwidth.ByteUnit.GB);
    return new Entry(fixed(gb, 2) + " GB", "", false, gb);
  }
}
