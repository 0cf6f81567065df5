package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.bandwidth.ByteUnit;
import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MergedRuns;
import dev.tokbench.results.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's result tables built from a {@link DataFolder}: the executive summary, one tinygrad
 * table per model, a table of tests per framework (llama.cpp's full table, the embedded llama.cpp,
 * vLLM, MLC …) and the model inventory. Every measured configuration lands in exactly one cell of a
 * tinygrad or framework table, every failed row in the summary when there is one; {@link
 * #placements} says where each row went.
 */
final class ResultTables {
  private static final String TINYGRAD = "tinygrad";
  private static final String LLAMA = "llama.cpp";
  private static final String EMBEDDED = "llama.cpp (embedded)";

  private final DataFolder data;
  private final Placements placed;
  private final List<ReportTable> tinygrad;
  private final Map<String, List<ReportTable>> frameworks;
  private final Optional<ReportTable> summary;

  ResultTables(DataFolder data, Placements placed) {
    this.data = data;
    this.placed = placed;
    this.tinygrad = buildTinygrad();
    this.frameworks = buildFrameworks();
    this.summary = new SummaryTable(data, placed).build();
  }

  /** Decode speed per framework for each model marked for the summary; empty without any. */
  Optional<ReportTable> summary() {
    return summary;
  }

  /** One table per model that tinygrad ran, inventory models first. */
  List<ReportTable> tinygrad() {
    return tinygrad;
  }

  /** llama.cpp's tables (one per device when the device varies). */
  List<ReportTable> llamaCpp() {
    return frameworks.getOrDefault(LLAMA, List.of());
  }

  /** The embedded llama.cpp's tables: the same engine under another harness, kept apart. */
  List<ReportTable> embeddedLlamaCpp() {
    return frameworks.getOrDefault(EMBEDDED, List.of());
  }

  /** The tables of every other framework (vLLM, MLC …), one per framework (and device). */
  List<ReportTable> otherFrameworks() {
    List<ReportTable> out = new ArrayList<>();
    frameworks.forEach(
        (f, tables) -> {
          if (!f.equals(LLAMA) && !f.equals(EMBEDDED)) out.addAll(tables);
        });
    return out;
  }

  /** Where every row of the folder is, or why it is nowhere. */
  List<Placement> placements() {
    return placed.of(data.results(), ResultTables::whyNotShown);
  }

  private static String whyNotShown(BenchResult r) {
    if (r.status() == Status.OK) return "no result table for framework " + r.framework();
    String why = r.reason().isEmpty() ? "" : ": " + r.reason().lines().findFirst().orElse("");
    return r.status().label() + why;
  }

  /** A framework's configurations, the inventory's models first in its order, then as read. */
  private List<MergedRuns> of(String framework) {
    List<MergedRuns> out =
        new ArrayList<>(
            data.configurations().stream()
                .filter(c -> c.first().framework().equals(framework))
                .toList());
    out.sort(java.util.Comparator.comparingInt(c -> inventoryIndex(c.first())));
    return out;
  }

  private int inventoryIndex(BenchResult r) {
    List<ModelEntry> models = data.models();
    for (int i = 0; i < models.size(); i++) if (models.get(i).is(r.model(), r.quant())) return i;
    return models.size();
  }

  private Map<String, List<ReportTable>> buildFrameworks() {
    List<String> names = new ArrayList<>(List.of(LLAMA, EMBEDDED));
    for (MergedRuns c : data.configurations()) {
      String f = c.first().framework();
      if (!f.equals(TINYGRAD) && !names.contains(f)) names.add(f);
    }
    Map<String, List<ReportTable>> out = new LinkedHashMap<>();
    for (String f : names) {
      List<MergedRuns> configs = of(f);
      if (!configs.isEmpty()) out.put(f, ShapedTable.build(testsSpec(f), configs, placed));
    }
    return out;
  }

  /** Model, quant and FA, then a column per test: the report's full llama.cpp table. */
  private ShapedTable.Spec testsSpec(String framework) {
    String title =
        switch (framework) {
          case LLAMA -> "Full Results Table";
          case EMBEDDED -> "Embedded llama.cpp (tokbench, CPU, in-process)";
          default -> Labels.resultsTitle(framework);
        };
    List<ShapedTable.Key> keys =
        List.of(
            new ShapedTable.Key(
                "Model", List.of("model"), c -> Labels.displayName(data, c.first())),
            new ShapedTable.Key("Quant", List.of("quant"), c -> c.first().quant()),
            new ShapedTable.Key("FA", List.of("flash_attn"), c -> c.first().flashAttn().label()));
    return ShapedTable.Spec.across(
        framework, title, keys, "test", t -> t + " (tok/s)", ResultTables::meanStddev);
  }

  /** {@code mean ± stddev}, bold for decode, and how many runs it merges when more than one. */
  static Entry meanStddev(MergedRuns c) {
    double mean = c.mean();
    double sd = c.pooled().stddev();
    String text = Double.isNaN(sd) ? fixed(mean, 2) : fixed(mean, 2) + " ± " + fixed(sd, 2);
    Entry e = new Entry(text, runs(c), false, mean).from(sources(c));
    return c.first().test().startsWith("tg") ? e.inBold() : e;
  }

  /** {@code " (3 runs)"} for merged repeats, empty for one run. */
  static String runs(MergedRuns c) {
    return c.runs().size() > 1 ? " (" + c.runs().size() + " runs)" : "";
  }

  private List<ReportTable> buildTinygrad() {
    Map<List<String>, List<MergedRuns>> byModel = new LinkedHashMap<>();
    for (ModelEntry m : data.models())
      byModel.put(List.of(m.model(), m.quant()), new ArrayList<>());
    for (MergedRuns c : of(TINYGRAD)) {
      if (!llama3Decode(c.first())) continue; // the harness's rows and BEAM searches: own tables
      List<String> key = List.of(c.first().model(), c.first().quant());
      byModel.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    List<ReportTable> out = new ArrayList<>();
    byModel.forEach(
        (key, configs) -> {
          if (!configs.isEmpty()) {
            out.addAll(ShapedTable.build(tinygradSpec(configs.get(0).first()), configs, placed));
          }
        });
    return out;
  }

  /** A llama3.py decode row: not a BEAM search (its rate measures the search), not the harness. */
  private static boolean llama3Decode(BenchResult r) {
    return Labels.decode(r) && !r.provenance().containsKey("harness") && !BeamPhase.isSearch(r);
  }

  private ShapedTable.Spec tinygradSpec(BenchResult r) {
    Optional<ModelEntry> m = data.model(r);
    String label = m.map(ModelEntry::tableLabel).orElse(r.model() + " " + r.quant());
    String name =
        m.map(ModelEntry::displayName).orElse(r.model().isEmpty() ? "model unknown" : r.model());
    String size =
        m.map(ModelEntry::size).map(b -> " (" + fixed(b.in(ByteUnit.GB), 2) + " GB)").orElse("");
    String quant = r.quant().isEmpty() ? "quantization unknown" : r.quant();
    List<ShapedTable.Key> keys =
        List.of(
            new ShapedTable.Key(
                "Backend",
                List.of("env", "backend"),
                c ->
                    c.first().flags().getOrDefault("env", c.first().backend())
                        + Labels.phase(c.first())));
    List<ShapedTable.Value> values =
        List.of(
            new ShapedTable.Value(
                "tok/s",
                c -> new Entry(fixed(c.mean(), 2), runs(c), false, c.mean()).from(sources(c))),
            new ShapedTable.Value("ms/tok", c -> figure(c, "ms_per_token", "")),
            new ShapedTable.Value(
                "Memory BW", c -> figure(c, "memory_bandwidth_gb_per_s", " GB/s")),
            new ShapedTable.Value("Param BW", c -> figure(c, "param_bandwidth_gb_per_s", " GB/s")));
    return ShapedTable.Spec.values(
        "tinygrad " + label, name + " — " + quant + size, keys, values, List.of("model", "quant"));
  }

  /**
   * A figure tinygrad printed, to one decimal as it prints them, the mean over merged runs; a dash
   * when absent.
   */
  private static Entry figure(MergedRuns c, String key, String unit) {
    double sum = 0;
    int n = 0;
    for (BenchResult r : c.runs()) {
      String text = Labels.tinygradFigure(r, key);
      if (text == null) continue;
      sum += Double.parseDouble(text);
      n++;
    }
    if (n == 0) return Entry.text("—");
    double v = sum / n;
    return new Entry(fixed(v, 1) + unit, "", false, v).from(sources(c));
  }

  /** The rows a merged configuration comes from, for the page's links. */
  private static BenchResult[] sources(MergedRuns c) {
    return c.runs().toArray(BenchResult[]::new);
  }

  /** Model, file, size and frameworks of every model in the inventory with a file name. */
  Optional<ReportTable> models() {
    return ModelsTable.of(data);
  }
}
