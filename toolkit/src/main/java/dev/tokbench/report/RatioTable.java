package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Comparison;
import dev.tokbench.results.Ratios;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every ratio the data allows, one row per matched pair: flash attention on ÷ off, each pair of
 * quantizations of a model, each pair of frameworks, and smaller ÷ larger model where both
 * parameter counts are known (with the parameter ratio beside it).
 */
final class RatioTable {
  private final DataFolder data;
  private final List<BenchResult> rows;
  private final java.util.Map<String, List<BenchResult>> byModel; // grouped once, not per model

  RatioTable(DataFolder data) {
    this.data = data;
    this.rows = data.merged();
    this.byModel = new java.util.LinkedHashMap<>();
    for (BenchResult r : rows) byModel.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r);
  }

  Optional<ReportTable> table() {
    List<Ratio> out = new ArrayList<>();
    add(out, "FA on ÷ off", Ratios.flashAttention(rows));
    for (String model : byModel.keySet()) {
      List<String> quants = distinct(only(model), BenchResult::quant);
      for (int i = 1; i < quants.size(); i++) {
        String label = quants.get(i) + " ÷ " + quants.get(0);
        add(out, label, Ratios.quantization(only(model), quants.get(0), quants.get(i)));
      }
    }
    List<String> frameworks = distinct(rows, BenchResult::framework);
    for (int i = 1; i < frameworks.size(); i++) {
      String label = frameworks.get(0) + " ÷ " + frameworks.get(i);
      add(out, label, Ratios.frameworks(rows, frameworks.get(i), frameworks.get(0)));
    }
    addSizes(out);
    if (out.isEmpty()) return Optional.empty();
    List<String> headers =
        List.of(
            "Ratio",
            "Model",
            "Framework",
            "FA",
            "Test",
            "Baseline (tok/s)",
            "Candidate (tok/s)",
            "×");
    return Optional.of(
        new ReportTable(
            "ratios",
            "Ratios",
            headers,
            LazyRows.of(
                out.size(),
                i -> row(out.get(i)),
                i -> List.of(out.get(i).pair().baseline(), out.get(i).pair().candidate())),
            "× = candidate ÷ baseline."));
  }

  /** Smaller ÷ larger model of one framework, for models whose parameters are known. */
  private void addSizes(List<Ratio> out) {
    List<BenchResult> known =
        rows.stream()
            .filter(r -> params(r) > 0)
            .sorted(Comparator.comparingLong(this::params))
            .toList();
    List<String> models = distinct(known, BenchResult::model);
    for (int i = 0; i + 1 < models.size(); i++) {
      String small = models.get(i);
      String large = models.get(i + 1);
      double p = (double) params(only(large).get(0)) / params(only(small).get(0));
      String label = small + " ÷ " + large + " (parameters " + fixed(p, 2) + "×)";
      List<BenchResult> both = new ArrayList<>(only(large)); // the two models' rows, not all
      both.addAll(only(small));
      add(out, label, Ratios.models(both, large, small));
    }
  }

  /** A row of the table: what is divided by what, and the pair it divides. */
  private record Ratio(String label, Comparison.Pair pair) {}

  private void add(List<Ratio> out, String label, Comparison c) {
    for (Comparison.Pair p : c.rows()) out.add(new Ratio(label, p));
  }

  private List<Entry> row(Ratio ratio) {
    Comparison.Pair p = ratio.pair();
    BenchResult b = p.baseline();
    return List.of(
        Entry.text(ratio.label()),
        Entry.text(Labels.chartLabel(data, b)),
        Entry.text(Labels.framework(b)),
        Entry.text(b.flashAttn().label()),
        Entry.text(b.test()),
        Entry.number(fixed(b.tokensPerSMean(), 2), b.tokensPerSMean()).from(b),
        Entry.number(fixed(p.candidate().tokensPerSMean(), 2), p.candidate().tokensPerSMean())
            .from(p.candidate()),
        Entry.number(fixed(p.speedup(), 2), p.speedup()).from(b, p.candidate()));
  }

  private long params(BenchResult r) {
    return r.nParams() > 0 ? r.nParams() : data.model(r).map(ModelEntry::nParams).orElse(-1L);
  }

  private List<BenchResult> only(String model) {
    return byModel.getOrDefault(model, List.of());
  }

  private static List<String> distinct(
      List<BenchResult> rs, java.util.function.Function<BenchResult, String> f) {
    return rs.stream().map(f).distinct().toList();
  }
}
