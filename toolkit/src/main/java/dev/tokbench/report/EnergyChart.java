package dev.tokbench.report;

import dev.tokbench.report.chart.Axis;
import dev.tokbench.report.chart.Marker;
import dev.tokbench.report.chart.Palette;
import dev.tokbench.report.chart.XyChart;
import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens per second against mean watts, one point per configuration measured with a power source,
 * one series per framework and phase (prompt processing, decode): up and to the left is more work
 * for less power. tok/s on a log axis, since prompt processing runs orders of magnitude faster.
 */
final class EnergyChart {
  static final String ID = "energy-watts";

  static final String CAPTION =
      "Throughput (tok/s, log) against the mean power over each configuration's own windows (W,"
          + " from the run's power source); one point per configuration, labelled. J/token = W ÷"
          + " tok/s: the energy table has it for each point.";

  private EnergyChart() {}

  static Optional<ReportChart> of(DataFolder data) {
    List<BenchResult> rows = EnergyRows.of(data);
    if (rows.isEmpty()) return Optional.empty();
    List<String> labels = EnergyRows.labels(data, rows);
    Map<String, List<XyChart.Point>> bySeries = new LinkedHashMap<>();
    Map<String, BenchResult> firstOf = new LinkedHashMap<>();
    double maxW = 0;
    double minTs = Double.MAX_VALUE;
    double maxTs = 0;
    for (int i = 0; i < rows.size(); i++) {
      BenchResult r = rows.get(i);
      double w = EnergyRows.number(r, "mean_w");
      String key = Labels.framework(r) + " · " + (Labels.prefill(r) ? "prompt" : "decode");
      bySeries
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(new XyChart.Point(w, r.tokensPerSMean(), Double.NaN, labels.get(i)));
      firstOf.putIfAbsent(key, r);
      maxW = Math.max(maxW, w);
      minTs = Math.min(minTs, r.tokensPerSMean());
      maxTs = Math.max(maxTs, r.tokensPerSMean());
    }
    List<XyChart.Series> series = new ArrayList<>();
    int i = 0;
    for (var e : bySeries.entrySet()) {
      var colour =
          Palette.shade(Palette.of(firstOf.get(e.getKey()).framework()), 1 - 0.35 * (i % 2));
      series.add(XyChart.Series.points(e.getKey(), colour, Marker.nth(i), e.getValue()));
      i++;
    }
    XyChart chart =
        XyChart.of(
            ID,
            "Throughput against power",
            Axis.fromZero("mean power (W)", maxW * 1.15),
            Axis.log("throughput (tok/s)", minTs / 2, maxTs * 2),
            series);
    return Optional.of(new ReportChart(chart, CAPTION));
  }
}
