package dev.tokbench.report;

import dev.tokbench.formats.llamabench.BatchedBench;
import dev.tokbench.report.chart.Axis;
import dev.tokbench.report.chart.Marker;
import dev.tokbench.report.chart.Palette;
import dev.tokbench.report.chart.XyChart;
import dev.tokbench.results.BenchResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Throughput against parallel sequences (llama-batched-bench {@code -npl}), one chart per model:
 * prompt processing (solid) and decoding (dashed) tok/s of every sequence together, one series per
 * test ({@code pp128}, {@code tg128 @ d128} …), log on both axes, so that where batching stops
 * paying (the curve flattens) reads off directly. llama.cpp's colour, as every llama.cpp figure.
 */
final class ParallelChart {
  static final String ID = "parallel-sequences";

  private static final String CAPTION =
      "Aggregate tok/s (every sequence's tokens per second of the pass) against the number of"
          + " parallel sequences, from llama-batched-bench; solid: prompt processing, dashed:"
          + " decoding after the prompt (at its depth); log on both axes.";

  private ParallelChart() {}

  /** One chart per model with batched rows at two sequence counts or more. */
  static List<ReportChart> of(DataFolder data) {
    List<List<BenchResult>> models = new ArrayList<>(byModel(data).values());
    models.sort(Comparator.comparingInt(rows -> inventoryIndex(data, rows.get(0))));
    List<ReportChart> out = new ArrayList<>();
    for (List<BenchResult> rows : models) chart(data, rows).ifPresent(out::add);
    return out;
  }

  /** Where the model is in the folder's inventory; after every listed model when it is not. */
  private static int inventoryIndex(DataFolder data, BenchResult r) {
    List<ModelEntry> models = data.models();
    for (int i = 0; i < models.size(); i++) if (models.get(i).is(r.model(), r.quant())) return i;
    return models.size();
  }

  /** The rows of llama-batched-bench, by model and quantization, in the order read. */
  static Map<String, List<BenchResult>> byModel(DataFolder data) {
    Map<String, List<BenchResult>> out = new LinkedHashMap<>();
    for (BenchResult r : data.merged()) {
      if (!r.framework().equals(BatchedBench.FRAMEWORK)) continue;
      out.computeIfAbsent(r.model() + " " + r.quant(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static Optional<ReportChart> chart(DataFolder data, List<BenchResult> rows) {
    Map<String, List<BenchResult>> byTest = new LinkedHashMap<>();
    for (BenchResult r : rows) byTest.computeIfAbsent(r.test(), t -> new ArrayList<>()).add(r);
    byTest
        .values()
        .removeIf(g -> g.stream().mapToInt(ParallelChart::parallel).distinct().count() < 2);
    if (byTest.isEmpty()) return Optional.empty();
    List<XyChart.Series> series = new ArrayList<>();
    double[] x = {Double.MAX_VALUE, 0};
    double[] y = {Double.MAX_VALUE, 0};
    List<Integer> prompts = new ArrayList<>();
    for (Map.Entry<String, List<BenchResult>> t : byTest.entrySet()) {
      BenchResult one = t.getValue().get(0);
      boolean prompt = one.nGen() == 0;
      int size = prompt ? one.nPrompt() : one.nDepth();
      if (!prompts.contains(size)) prompts.add(size);
      // one shade and marker per prompt size, for its prompt pass and the decoding after it
      int i = prompts.indexOf(size);
      Color colour = Palette.shade(Palette.of("llama.cpp"), Math.max(0.45, 1 - 0.3 * i));
      List<XyChart.Point> pts = new ArrayList<>();
      List<BenchResult> g = new ArrayList<>(t.getValue());
      g.sort(Comparator.comparingInt(ParallelChart::parallel));
      for (BenchResult r : g) {
        double ts = r.tokensPerSMean();
        if (!(ts > 0)) continue; // a log axis has no zero
        pts.add(XyChart.Point.of(parallel(r), ts));
        x[0] = Math.min(x[0], parallel(r));
        x[1] = Math.max(x[1], parallel(r));
        y[0] = Math.min(y[0], ts);
        y[1] = Math.max(y[1], ts);
      }
      String name = (prompt ? "prompt " : "decode ") + t.getKey();
      if (pts.isEmpty()) continue;
      XyChart.Series s = XyChart.Series.points(name, colour, Marker.nth(i), pts).joined();
      series.add(prompt ? s : s.dashed(6, 4));
    }
    if (y[1] <= 0) return Optional.empty();
    BenchResult first = rows.get(0);
    String label = Labels.tableLabel(data, first);
    XyChart chart =
        XyChart.of(
            ID + "-" + slug(first.model() + "-" + first.quant()),
            "Throughput against parallel sequences — " + label,
            Axis.log("parallel sequences (llama-batched-bench -npl)", x[0] / 1.25, x[1] * 1.25),
            Axis.log("tok/s, all sequences", y[0] / 1.3, y[1] * 1.3),
            series);
    return Optional.of(new ReportChart(chart, CAPTION));
  }

  /** The row's sequence count; 1 when a results file's flag is not a whole number. */
  static int parallel(BenchResult r) {
    try {
      return Math.max(1, Integer.parseInt(r.flags().getOrDefault(BatchedBench.PARALLEL, "1")));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String slug(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
  }
}
