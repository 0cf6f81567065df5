package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prefill beside decode, framework against framework: for each model that more than one framework
 * measured prompt processing on ({@code pp512}: llama-bench, tinygrad's harness), one row per
 * framework label with its {@code pp} and {@code tg} tests at depth 0. Only made when another
 * framework than llama.cpp has prefill rows, so folders of llama-bench alone keep their tables.
 */
final class PrefillTable {
  static final String NAME = "prefill-decode";

  private final DataFolder data;

  PrefillTable(DataFolder data) {
    this.data = data;
  }

  Optional<ReportTable> table() {
    List<BenchResult> rows = data.measured().stream().filter(PrefillTable::ppOrTg).toList();
    Map<String, List<BenchResult>> byModel = new LinkedHashMap<>();
    for (BenchResult r : rows) {
      byModel.computeIfAbsent(Labels.chartLabel(data, r), k -> new ArrayList<>()).add(r);
    }
    byModel.values().removeIf(rs -> prefillFrameworks(rs).size() < 2);
    if (byModel.isEmpty()) return Optional.empty();
    List<String> tests = tests(byModel);
    List<String> headers = new ArrayList<>(List.of("Model", "Framework"));
    tests.forEach(t -> headers.add(t + " (tok/s)"));
    List<List<Entry>> out = new ArrayList<>();
    byModel.forEach((model, rs) -> out.addAll(modelRows(model, rs, tests)));
    return Optional.of(
        new ReportTable(
            NAME,
            "Prefill and decode by framework",
            headers,
            out,
            "Tests as llama-bench names them; tinygrad's come from its prefill/decode harness"
                + " (scripts/tinygrad_bench.py)."));
  }

  private static boolean ppOrTg(BenchResult r) {
    return Labels.prefill(r) || (r.nPrompt() == 0 && Labels.decode(r) && r.nGen() > 0);
  }

  private static Set<String> prefillFrameworks(List<BenchResult> rs) {
    Set<String> f = new LinkedHashSet<>();
    rs.stream().filter(Labels::prefill).forEach(r -> f.add(r.framework()));
    return f;
  }

  /** The pp tests, then the tg tests, in the order first seen. */
  private static List<String> tests(Map<String, List<BenchResult>> byModel) {
    Set<String> pp = new LinkedHashSet<>();
    Set<String> tg = new LinkedHashSet<>();
    for (List<BenchResult> rs : byModel.values()) {
      for (BenchResult r : rs) (Labels.prefill(r) ? pp : tg).add(r.test());
    }
    List<String> all = new ArrayList<>(pp);
    all.addAll(tg);
    return all;
  }

  /** One row per framework label that has a prefill figure for this model. */
  private static List<List<Entry>> modelRows(
      String model, List<BenchResult> rs, List<String> tests) {
    Set<String> labels = new LinkedHashSet<>();
    rs.stream().filter(Labels::prefill).forEach(r -> labels.add(Labels.framework(r)));
    List<List<Entry>> out = new ArrayList<>();
    for (String label : labels) {
      List<Entry> row = new ArrayList<>(List.of(Entry.text(model), Entry.text(label)));
      for (String t : tests) row.add(cell(rs, label, t));
      out.add(row);
    }
    return out;
  }

  private static Entry cell(List<BenchResult> rs, String label, String test) {
    return rs.stream()
        .filter(r -> Labels.framework(r).equals(label) && r.test().equals(test))
        .reduce((first, later) -> later)
        .map(
            r ->
                Entry.number(
                    fixed(r.tokensPerSMean(), 2) + " ± " + fixed(r.tokensPerSStddev(), 2),
                    r.tokensPerSMean()))
        .orElse(Entry.text("—"));
  }
}
