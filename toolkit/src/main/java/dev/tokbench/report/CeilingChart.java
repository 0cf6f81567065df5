package dev.tokbench.report;

import dev.tokbench.bandwidth.Bandwidth;
import dev.tokbench.bandwidth.ByteUnit;
import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.report.chart.Axis;
import dev.tokbench.report.chart.Marker;
import dev.tokbench.report.chart.Palette;
import dev.tokbench.report.chart.XyChart;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decode roofline: decode tok/s against the bytes each token reads (the weights), log on both
 * axes, with each device's ceiling (bandwidth ÷ bytes) drawn over the range of the data, the
 * theoretical bandwidth solid and the practical one dashed in a contrasting colour. One marker
 * shape per device, one colour per framework, flash attention hatched, each point labelled.
 */
final class CeilingChart {
  private static final Color[] CEILING = {
    new Color(0x44, 0x44, 0x44), new Color(0x76, 0x76, 0x76), new Color(0x99, 0x99, 0x99)
  };
  private static final Color PRACTICAL = new Color(0xb2, 0x18, 0x2b);

  private CeilingChart() {}

  static XyChart of(List<DataFolder> folders) {
    List<XyChart.Series> points = new ArrayList<>();
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (int i = 0; i < folders.size(); i++) {
      for (XyChart.Series s : points(folders.get(i), Marker.nth(i), folders.size() > 1)) {
        points.add(s);
        for (XyChart.Point p : s.points()) {
          lo = Math.min(lo, p.x());
          hi = Math.max(hi, p.x());
        }
      }
    }
    if (points.isEmpty()) {
      lo = 0.5;
      hi = 3;
    }
    double from = lo / 1.25;
    double to = hi * 1.25;
    List<XyChart.Series> all = new ArrayList<>();
    for (int i = 0; i < folders.size(); i++) {
      all.addAll(ceilings(folders.get(i), from, to, CEILING[Math.min(i, CEILING.length - 1)]));
    }
    all.addAll(points);
    double yLo = Double.MAX_VALUE;
    double yHi = 0;
    for (XyChart.Series s : all) {
      for (XyChart.Point p : s.points()) {
        yLo = Math.min(yLo, p.y());
        yHi = Math.max(yHi, p.y());
      }
    }
    return XyChart.of(
        "decode-ceiling",
        "Decode speed against model size, with bandwidth ceilings",
        Axis.log("weights read per token (GB, 1e9 bytes)", from, to),
        Axis.log("decode (tok/s)", yLo / 1.3, yHi * 1.1),
        all);
  }

  /** Theoretical and, when stated, practical ceiling of the folder's device over [from, to]. */
  private static List<XyChart.Series> ceilings(DataFolder f, double from, double to, Color c) {
    String device = f.device().device().name();
    List<XyChart.Series> out = new ArrayList<>();
    out.add(
        ceiling(
            device + ": theoretical " + f.device().theoretical(),
            f.device().theoretical(),
            from,
            to,
            c));
    f.device()
        .practicalBandwidth()
        .ifPresent(
            p ->
                out.add(
                    ceiling(device + ": practical " + p, p, from, to, PRACTICAL)
                        .dashed(7, 4)
                        .endLabelBelow(label(p) + " practical")));
    return out;
  }

  private static XyChart.Series ceiling(
      String name, Bandwidth bw, double from, double to, Color c) {
    List<XyChart.Point> pts = new ArrayList<>();
    for (int i = 0; i <= 24; i++) {
      double gb = from * Math.pow(to / from, i / 24.0);
      pts.add(XyChart.Point.of(gb, bw.tokensPerSCeiling(Bytes.gb(gb))));
    }
    return XyChart.Series.line(name + " ceiling", c, pts).endLabel(label(bw) + " theoretical");
  }

  /** {@code 4,800 GB/s}, {@code 204.8 GB/s}: no ".0" on a chart (a tick, not a measurement). */
  private static String label(Bandwidth bw) {
    double v = bw.gbPerS();
    return String.format(Locale.ROOT, v == Math.rint(v) ? "%,.0f GB/s" : "%,.1f GB/s", v);
  }

  /** A series per framework label and flash-attention setting of the folder's decode rows. */
  private static List<XyChart.Series> points(DataFolder f, Marker marker, boolean nameDevice) {
    Map<String, List<BenchResult>> groups = new LinkedHashMap<>();
    List<BenchResult> drawn = drawn(f);
    boolean labelled = drawn.size() <= PageBounds.LABELLED_POINTS;
    for (BenchResult r : drawn) {
      groups.computeIfAbsent(Labels.framework(r), k -> new ArrayList<>()).add(r);
    }
    List<XyChart.Series> out = new ArrayList<>();
    Map<String, Integer> variants = new LinkedHashMap<>();
    for (var g : groups.entrySet()) {
      BenchResult first = g.getValue().get(0);
      String variant = variant(g.getKey(), first.framework());
      List<XyChart.Point> pts = new ArrayList<>();
      for (BenchResult r : g.getValue()) {
        double gb = Labels.weights(f, r).in(ByteUnit.GB);
        String label =
            labelled ? Labels.tableLabel(f, r) + (variant.isEmpty() ? "" : " " + variant) : "";
        pts.add(new XyChart.Point(gb, r.tokensPerSMean(), sd(r), label));
      }
      String name = (nameDevice ? f.device().device().name() + " · " : "") + g.getKey();
      // a framework's second and third variant (tinygrad CUDA after NV=1) in darker shades
      boolean fa = first.flashAttn() == FlashAttention.ON;
      int n = fa ? 0 : variants.merge(first.framework(), 1, Integer::sum) - 1;
      Color colour = Palette.shade(Palette.of(first.framework()), 1 - 0.28 * Math.min(n, 2));
      XyChart.Series s = XyChart.Series.points(name, colour, marker, pts);
      out.add(fa ? s.hatch() : s);
    }
    return out;
  }

  /** The folder's decode rows of known size, every one or the first {@link PageBounds#POINTS}. */
  static List<BenchResult> drawn(DataFolder f) {
    return f.measuredConfigurations().stream()
        .filter(r -> Labels.decode(r) && Labels.weights(f, r) != null)
        .limit(PageBounds.POINTS)
        .toList();
  }

  /** What a framework label adds to the framework: {@code +FA}, {@code NV=1}, {@code CUDA}. */
  private static String variant(String label, String framework) {
    return label.startsWith(framework) ? label.substring(framework.length()).strip() : label;
  }

  private static double sd(BenchResult r) {
    double sd = r.tokensPerSStddev();
    return Double.isNaN(sd) || sd <= 0 ? Double.NaN : sd;
  }
}
