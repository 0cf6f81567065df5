package dev.tokbench.report;

import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.bandwidth.KvCache;
import dev.tokbench.report.chart.Axis;
import dev.tokbench.report.chart.Marker;
import dev.tokbench.report.chart.Palette;
import dev.tokbench.report.chart.XyChart;
import dev.tokbench.results.BenchResult;
import dev.tokbench.synth.ModelShape;
import dev.tokbench.synth.Shapes;
import dev.tokbench.synth.UnknownShapeException;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decode tok/s against context depth (llama-bench {@code -d}), one series per model, framework and
 * flash-attention setting that was measured at two depths or more, each with the roofline's
 * prediction dashed beside it: every token reads the weights and the KV cache up to its depth, so
 * at the bandwidth the depth-0 run reached, tok/s(d) = tok/s(0) × weights ÷ (weights + d × KV bytes
 * per token). The KV bytes per token come from the model's shape (the synth catalogue's, by the
 * row's model name) and the cache type the row names ({@code type_k}, default f16); a model without
 * a known shape gets no prediction.
 */
final class DepthChart {
  static final String ID = "decode-depth";

  private DepthChart() {}

  /** The chart, or empty when no group of rows has two depths. */
  static Optional<ReportChart> of(DataFolder data) {
    List<XyChart.Series> series = new ArrayList<>();
    double maxDepth = 0;
    double maxTs = 0;
    int i = 0;
    for (List<BenchResult> g : groups(data).values()) {
      g.sort(Comparator.comparingInt(BenchResult::nDepth));
      BenchResult first = g.get(0);
      String name = Labels.tableLabel(data, first) + " · " + Labels.framework(first);
      Color colour = Palette.shade(Palette.of(first.framework()), 1 - 0.3 * Math.min(i, 2));
      List<XyChart.Point> pts = new ArrayList<>();
      for (BenchResult r : g) {
        pts.add(new XyChart.Point(r.nDepth(), r.tokensPerSMean(), sd(r), ""));
        maxDepth = Math.max(maxDepth, r.nDepth());
        maxTs = Math.max(maxTs, r.tokensPerSMean());
      }
      series.add(XyChart.Series.points(name, colour, Marker.nth(i), pts).joined());
      predicted(data, g, colour).ifPresent(series::add);
      i++;
    }
    if (series.isEmpty()) return Optional.empty();
    XyChart chart =
        XyChart.of(
            ID,
            "Decode speed against context depth",
            Axis.fromZero("context depth (tokens already in the KV cache)", maxDepth),
            Axis.fromZero("decode (tok/s)", maxTs * 1.08),
            series);
    return Optional.of(new ReportChart(chart, CAPTION));
  }

  private static final String CAPTION =
      "Decode tok/s (llama-bench tg at -d depth) against depth, whiskers ± one standard deviation;"
          + " dashed, in the same colour: the roofline's prediction at the bandwidth the depth-0 run reached,"
          + " tok/s(0) × weights ÷ (weights + depth × KV bytes per token), KV bytes per token from"
          + " the model's shape and the row's cache type.";

  /** Decode rows at a depth, by model, quantization and framework label; two depths or more. */
  private static Map<String, List<BenchResult>> groups(DataFolder data) {
    Map<String, List<BenchResult>> all = new LinkedHashMap<>();
    for (BenchResult r : data.measuredConfigurations()) {
      if (!r.ok() || !r.test().startsWith("tg")) continue;
      String key = r.model() + "|" + r.quant() + "|" + Labels.framework(r) + "|" + r.backend();
      all.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    all.values().removeIf(g -> g.stream().mapToInt(BenchResult::nDepth).distinct().count() < 2);
    all.values().removeIf(g -> g.stream().noneMatch(r -> r.nDepth() == 0));
    return all;
  }

  /** The roofline's tok/s at each measured depth, scaled to the depth-0 measurement. */
  static Optional<XyChart.Series> predicted(
      DataFolder data, List<BenchResult> byDepth, Color colour) {
    BenchResult zero = byDepth.get(0);
    Bytes weights = Labels.weights(data, zero);
    Optional<KvCache> kv = kvCache(zero);
    if (weights == null || kv.isEmpty()) return Optional.empty();
    List<XyChart.Point> pts = new ArrayList<>();
    int maxDepth = byDepth.get(byDepth.size() - 1).nDepth();
    for (int step = 0; step <= 16; step++) {
      int d = maxDepth * step / 16;
      double bytes = kv.get().bytesReadPerToken(weights, d).bytes();
      pts.add(XyChart.Point.of(d, zero.tokensPerSMean() * weights.bytes() / bytes));
    }
    String name =
        "predicted: "
            + Labels.tableLabel(data, zero)
            + ", KV "
            + kv.get().bytesPerToken()
            + "/token";
    return Optional.of(XyChart.Series.line(name, colour, pts).dashed(6, 4));
  }

  /** The KV cache of the row's model, when its shape is known. */
  static Optional<KvCache> kvCache(BenchResult r) {
    try {
      ModelShape s = Shapes.named(r.model());
      String type = r.flags().getOrDefault("type_k", "f16");
      return Optional.of(KvCache.of(s.layers(), s.kvHeads(), s.headDim(), KvCache.cacheType(type)));
    } catch (UnknownShapeException | dev.tokbench.bandwidth.UnknownUnitException e) {
      return Optional.empty();
    }
  }

  private static double sd(BenchResult r) {
    return Double.isNaN(r.tokensPerSStddev()) ? Double.NaN : r.tokensPerSStddev();
  }
}
