package dev.tokbench.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Points and lines on two axes (either may be logarithmic): labelled points with error bars, lines
 * solid or dashed with a label at their end, and a legend under the plot.
 *
 * <pre>{@code
 * XyChart.of("decode-ceiling", "Decode against the bandwidth ceiling",
 *     Axis.linear("model size (GB)", 0.6, 2.6), Axis.log("decode (tok/s)", 2, 400),
 *     List.of(XyChart.Series.points("llama.cpp", Palette.of("llama.cpp"), Marker.CIRCLE, points)))
 * }</pre>
 */
public final class XyChart extends Figure {
  /**
   * One point.
   *
   * @param x its x
   * @param y its y
   * @param yError the standard deviation of y, NaN for none
   * @param label the text beside it, empty for none
   */
  public record Point(double x, double y, double yError, String label) {
    public Point {
      label = Objects.requireNonNullElse(label, "");
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new IllegalArgumentException("a point needs finite x and y, got " + x + ", " + y);
      }
    }

    /** A point without error bar or label. */
    public static Point of(double x, double y) {
      return new Point(x, y, Double.NaN, "");
    }
  }

  /**
   * One series.
   *
   * @param name its legend entry, empty for none
   * @param points its points in order
   * @param colour its colour
   * @param marker how its points are drawn, null for a line without markers
   * @param line whether its points are joined
   * @param dash the line's dashes, empty for solid
   * @param hatched markers filled with stripes (flash attention on)
   * @param endLabel text at the line's last point, empty for none
   * @param endBelow the end label under the line rather than over it
   */
  public record Series(
      String name,
      List<Point> points,
      Color colour,
      Marker marker,
      boolean line,
      List<Double> dash,
      boolean hatched,
      String endLabel,
      boolean endBelow) {
    public Series {
      points = List.copyOf(points);
      dash = List.copyOf(dash);
      name = Objects.requireNonNullElse(name, "");
      endLabel = Objects.requireNonNullElse(endLabel, "");
    }

    /** Points as markers, not joined. */
    public static Series points(String name, Color colour, Marker marker, List<Point> points) {
      return new Series(name, points, colour, marker, false, List.of(), false, "", false);
    }

    /** A solid line without markers. */
    public static Series line(String name, Color colour, List<Point> points) {
      return new Series(name, points, colour, null, true, List.of(), false, "", false);
    }

    /** The same series joined by a line. */
    public Series joined() {
      return new Series(name, points, colour, marker, true, dash, hatched, endLabel, endBelow);
    }

    /** The same with a dashed line ({@code dashed(6, 4)}). */
    public Series dashed(double... lengths) {
      List<Double> d = new ArrayList<>();
      for (double l : lengths) d.add(l);
      return new Series(name, points, colour, marker, true, d, hatched, endLabel, endBelow);
    }

    /** The same with hatched markers. */
    public Series hatch() {
      return new Series(name, points, colour, marker, line, dash, true, endLabel, endBelow);
    }

    /** The same with {@code text} written over its last point. */
    public Series endLabel(String text) {
      return new Series(name, points, colour, marker, line, dash, hatched, text, false);
    }

    /** The same with {@code text} written under its last point. */
    public Series endLabelBelow(String text) {
      return new Series(name, points, colour, marker, line, dash, hatched, text, true);
    }
  }

  static final double WIDTH = 900;
  private static final double LEFT = 84;
  private static final double RIGHT = 28;
  private static final double TOP = 46;
  private static final double PLOT = 400;
  private static final Canvas.Font SMALL = Canvas.Font.plain(11);
  private static final Canvas.Font LABEL = Canvas.Font.plain(13);

  private final Axis x;
  private final Axis y;
  private final List<Series> series;
  private final List<List<Series>> legendRows;

  private XyChart(String id, String title, Axis x, Axis y, List<Series> series) {
    super(id, title);
    this.x = x;
    this.y = y;
    this.series = List.copyOf(series);
    this.legendRows = legendRows();
  }

  /** A chart of {@code series} on axes {@code x} and {@code y}. */
  public static XyChart of(String id, String title, Axis x, Axis y, List<Series> series) {
    return new XyChart(id, title, x, y, series);
  }

  /** The series, in drawing order. */
  public List<Series> series() {
    return series;
  }

  @Override
  public double width() {
    return WIDTH;
  }

  @Override
  public double height() {
    return TOP + PLOT + 58 + legendRows.size() * 20 + 8;
  }

  @Override
  void draw(Canvas c) {
    c.text(WIDTH / 2, 26, title(), Canvas.Font.plain(16).inBold().anchored(Canvas.Anchor.MIDDLE));
    Scale sx = new Scale(x, LEFT, WIDTH - RIGHT);
    Scale sy = new Scale(y, TOP + PLOT, TOP);
    drawAxes(c, sx, sy);
    for (Series s : series) if (s.line() && s.points().size() > 1) drawLine(c, s, sx, sy);
    PointLabels labels = new PointLabels(LEFT, TOP, WIDTH - RIGHT, TOP + PLOT);
    for (Series s : series) if (s.marker() != null) drawPoints(c, s, sx, sy, labels);
    // labels after every marker is known, so that none covers a later series' point
    for (Series s : series) {
      if (s.marker() == null) continue;
      for (Point p : s.points()) {
        if (!p.label().isEmpty()) labels.add(sx.at(p.x()), sy.at(p.y()), p.label(), s.colour());
      }
    }
    labels.draw(c);
    drawLegend(c);
  }

  private void drawAxes(Canvas c, Scale sx, Scale sy) {
    double bottom = TOP + PLOT;
    for (Scale.Tick t : sx.ticks()) {
      if (t.label().isEmpty()) continue; // a log axis' own ends
      double px = sx.at(t.value());
      c.line(px, TOP, px, bottom, Ink.line(Palette.GRID, 1));
      c.text(
          px, bottom + 16, t.label(), SMALL.coloured(Palette.MUTED).anchored(Canvas.Anchor.MIDDLE));
    }
    for (Scale.Tick t : sy.ticks()) {
      if (t.label().isEmpty()) continue;
      double py = sy.at(t.value());
      c.line(LEFT, py, WIDTH - RIGHT, py, Ink.line(Palette.GRID, 1));
      c.text(
          LEFT - 6, py + 4, t.label(), SMALL.coloured(Palette.MUTED).anchored(Canvas.Anchor.END));
    }
    c.rect(LEFT, TOP, WIDTH - RIGHT - LEFT, PLOT, Ink.line(Palette.AXIS, 1));
    c.text(
        (LEFT + WIDTH - RIGHT) / 2, bottom + 38, x.title(), LABEL.anchored(Canvas.Anchor.MIDDLE));
    c.text(22, TOP + PLOT / 2, y.title(), LABEL.anchored(Canvas.Anchor.MIDDLE).rotated(-90));
  }

  private static void drawLine(Canvas c, Series s, Scale sx, Scale sy) {
    List<double[]> pts = new ArrayList<>();
    for (Point p : s.points()) pts.add(new double[] {sx.at(p.x()), sy.at(p.y())});
    Ink ink = new Ink(null, s.colour(), 2, s.dash(), false);
    c.beginGroup(s.name().isEmpty() ? s.endLabel() : s.name());
    c.polyline(pts, ink);
    c.endGroup();
    if (!s.endLabel().isEmpty()) {
      // at the right end, over or under the line, set back by the line's own fall or rise
      double[] last = pts.get(pts.size() - 1);
      double[] before = pts.get(pts.size() - 2);
      double w = SMALL.width(s.endLabel());
      double slope = (last[1] - before[1]) / Math.max(1e-9, last[0] - before[0]);
      double rise = Math.max(0, s.endBelow() ? -slope * w : slope * w);
      double dy = s.endBelow() ? 14 + rise : -6 - rise;
      Canvas.Font f = SMALL.coloured(s.colour()).anchored(Canvas.Anchor.END);
      c.text(last[0] - 4, last[1] + dy, s.endLabel(), f);
    }
  }

  private static void drawPoints(Canvas c, Series s, Scale sx, Scale sy, PointLabels labels) {
    Ink ink = Ink.fill(s.colour()).outlined(Color.WHITE, 1);
    if (s.hatched()) ink = Ink.fill(s.colour()).hatch().outlined(s.colour(), 1.2);
    for (Point p : s.points()) {
      double px = sx.at(p.x());
      double py = sy.at(p.y());
      c.beginGroup(tooltip(s, p));
      if (!Double.isNaN(p.yError()) && p.yError() > 0) {
        double lo = sy.at(Math.max(p.y() - p.yError(), sy.low()));
        double hi = sy.at(p.y() + p.yError());
        Ink whisker = Ink.line(s.colour(), 1.2);
        c.line(px, lo, px, hi, whisker);
        c.line(px - 4, lo, px + 4, lo, whisker);
        c.line(px - 4, hi, px + 4, hi, whisker);
      }
      c.marker(s.marker(), px, py, 9, ink);
      c.endGroup();
      labels.mark(px, py);
    }
  }

  private static String tooltip(Series s, Point p) {
    String name = p.label().isEmpty() ? s.name() : p.label();
    String err = Double.isNaN(p.yError()) ? "" : " ± " + Scale.format(p.yError(), 2);
    return name + ": " + Scale.format(p.x(), 2) + ", " + Scale.format(p.y(), 2) + err;
  }

  /** Legend entries flowed into rows as wide as the chart. */
  private List<List<Series>> legendRows() {
    List<List<Series>> rows = new ArrayList<>();
    List<Series> row = new ArrayList<>();
    double used = 0;
    for (Series s : series) {
      if (s.name().isEmpty()) continue;
      double w = entryWidth(s);
      if (used + w > WIDTH - 2 * LEFT / 2 && !row.isEmpty()) {
        rows.add(row);
        row = new ArrayList<>();
        used = 0;
      }
      row.add(s);
      used += w;
    }
    if (!row.isEmpty()) rows.add(row);
    return rows;
  }

  private static double entryWidth(Series s) {
    return 34 + LABEL.width(s.name()) + 22;
  }

  private void drawLegend(Canvas c) {
    double yRow = TOP + PLOT + 64;
    for (List<Series> row : legendRows) {
      double total = row.stream().mapToDouble(XyChart::entryWidth).sum();
      double px = (WIDTH - total) / 2;
      for (Series s : row) {
        if (s.line())
          c.line(px, yRow - 4, px + 26, yRow - 4, new Ink(null, s.colour(), 2, s.dash(), false));
        if (s.marker() != null) {
          Ink ink = Ink.fill(s.colour());
          if (s.hatched()) ink = ink.hatch().outlined(s.colour(), 1.2);
          c.marker(s.marker(), px + 13, yRow - 4, 9, ink);
        }
        c.text(px + 34, yRow, s.name(), LABEL);
        px += entryWidth(s);
      }
      yRow += 20;
    }
  }
}
