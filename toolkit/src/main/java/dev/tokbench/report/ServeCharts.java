package dev.tokbench.report;

import dev.tokbench.report.chart.Axis;
import dev.tokbench.report.chart.Marker;
import dev.tokbench.report.chart.XyChart;
import dev.tokbench.results.ServeMetrics;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The serving charts of each serving table ({@link ServeTables}): output tok/s against concurrency,
 * latency percentiles against concurrency (closed-loop levels, two or more), and the distribution
 * of TTFT over every level's successful requests (from serve-bench's request lines, which the rows
 * carry as {@link ServeMetrics#TTFT_EACH}).
 */
final class ServeCharts {
  static final String THROUGHPUT = "serve-throughput";
  static final String LATENCY = "serve-latency";
  static final String TTFT = "serve-ttft";

  // ColorBrewer Dark2: as many levels as a run usually has, told apart in print
  private static final List<Color> LEVELS =
      List.of(
          new Color(0x1b, 0x9e, 0x77),
          new Color(0xd9, 0x5f, 0x02),
          new Color(0x75, 0x70, 0xb3),
          new Color(0xe7, 0x29, 0x8a),
          new Color(0x66, 0xa6, 0x1e),
          new Color(0xe6, 0xab, 0x02),
          new Color(0xa6, 0x76, 0x1d),
          new Color(0x66, 0x66, 0x66));

  private ServeCharts() {}

  /** Every serving chart of the folder, table by table. */
  static List<ReportChart> of(DataFolder data) {
    List<ReportChart> out = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, List<ServeMetrics>> g : ServeTables.groups(data).entrySet()) {
      String suffix = n++ == 0 ? "" : "-" + n;
      List<ServeMetrics> closed =
          g.getValue().stream().filter(m -> m.closedLoop() && m.row().ok()).toList();
      if (closed.size() >= 2) {
        out.add(throughput(closed, suffix, g.getKey()));
        out.add(latency(closed, suffix, g.getKey()));
      }
      if (g.getValue().stream().anyMatch(m -> !m.ttftEach().isEmpty())) {
        out.add(ttft(g.getValue(), suffix, g.getKey()));
      }
    }
    return out;
  }

  private static ReportChart throughput(List<ServeMetrics> levels, String suffix, String title) {
    List<XyChart.Point> pts = new ArrayList<>();
    double max = 0;
    for (ServeMetrics m : levels) {
      String label = Labels.fixed(m.outputTokPerS(), 0);
      pts.add(new XyChart.Point(m.concurrency(), m.outputTokPerS(), Double.NaN, label));
      max = Math.max(max, m.outputTokPerS());
    }
    Color c = dev.tokbench.report.chart.Palette.of(levels.get(0).row().framework());
    XyChart chart =
        XyChart.of(
            THROUGHPUT + suffix,
            "Output throughput against concurrency",
            concurrency(levels),
            Axis.fromZero("output (tok/s)", max * 1.12),
            List.of(XyChart.Series.points("output tok/s", c, Marker.nth(0), pts).joined()));
    return new ReportChart(
        chart,
        "Output tokens per second of each closed-loop level (requests in flight, log scale) of "
            + title
            + "; each level's successful requests' output tokens over its duration.");
  }

  private static ReportChart latency(List<ServeMetrics> levels, String suffix, String title) {
    List<XyChart.Series> series = new ArrayList<>();
    double[] range = {Double.MAX_VALUE, 0};
    String[][] lines = {
      {"ttft", "p50", "TTFT p50"},
      {"ttft", "p99", "TTFT p99"},
      {"tpot", "p50", "TPOT p50"},
      {"itl", "p50", "ITL p50"},
      {"itl", "p99", "ITL p99"}
    };
    for (int i = 0; i < lines.length; i++) {
      String[] l = lines[i];
      List<XyChart.Point> pts = points(levels, m -> m.ms(l[0], l[1]), range);
      if (pts.isEmpty()) continue;
      Color c = LEVELS.get(List.of("ttft", "tpot", "itl").indexOf(l[0]));
      XyChart.Series s = XyChart.Series.points(l[2], c, Marker.nth(i), pts).joined();
      series.add(l[1].equals("p99") ? s.dashed(6, 4) : s);
    }
    XyChart chart =
        XyChart.of(
            LATENCY + suffix,
            "Latency percentiles against concurrency",
            concurrency(levels),
            Axis.log("latency (ms)", range[0] / 1.3, range[1] * 1.3),
            series);
    return new ReportChart(
        chart,
        "TTFT, TPOT and inter-token latency at p50 (solid) and p99 (dashed) of each closed-loop"
            + " level of "
            + title
            + "; both axes log scale.");
  }

  private static ReportChart ttft(List<ServeMetrics> levels, String suffix, String title) {
    List<XyChart.Series> series = new ArrayList<>();
    double[] range = {Double.MAX_VALUE, 0};
    int i = 0;
    for (ServeMetrics m : levels) {
      List<Double> sorted = m.ttftEach().stream().sorted().toList();
      if (sorted.isEmpty()) continue;
      List<XyChart.Point> pts = new ArrayList<>();
      for (int k = 0; k < sorted.size(); k++) {
        double v = sorted.get(k);
        pts.add(XyChart.Point.of(v, 100.0 * k / sorted.size())); // the step up at each request
        pts.add(XyChart.Point.of(v, 100.0 * (k + 1) / sorted.size()));
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
      }
      Color c = LEVELS.get(i++ % LEVELS.size());
      series.add(XyChart.Series.line(m.load() + " (n=" + sorted.size() + ")", c, pts));
    }
    XyChart chart =
        XyChart.of(
            TTFT + suffix,
            "TTFT distribution",
            Axis.log("TTFT (ms)", range[0] / 1.2, range[1] * 1.2),
            Axis.fromZero("requests with TTFT at most x (%)", 100),
            series);
    return new ReportChart(
        chart,
        "The share of each level's successful requests whose time to first token is at most x"
            + " (an empirical CDF, log x), from serve-bench's request lines, of "
            + title
            + ".");
  }

  /** Concurrency on a log axis (the levels are usually powers of two). */
  private static Axis concurrency(List<ServeMetrics> levels) {
    int min = levels.stream().mapToInt(ServeMetrics::concurrency).min().orElse(1);
    int max = levels.stream().mapToInt(ServeMetrics::concurrency).max().orElse(1);
    return Axis.log("concurrency (requests in flight)", min / 1.25, max * 1.25);
  }

  private static List<XyChart.Point> points(
      List<ServeMetrics> levels, ToDoubleFunction<ServeMetrics> y, double[] range) {
    List<XyChart.Point> pts = new ArrayList<>();
    for (ServeMetrics m : levels) {
      double v = y.applyAsDouble(m);
      if (!(v > 0) || !Double.isFinite(v)) continue;
      pts.add(XyChart.Point.of(m.concurrency(), v));
      range[0] = Math.min(range[0], v);
      range[1] = Math.max(range[1], v);
    }
    return pts;
  }
}
