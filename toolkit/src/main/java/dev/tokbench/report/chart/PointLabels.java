package dev.tokbench.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Places point labels where they overlap neither each other nor a marker: beside the point on the
 * right, else on the left, above or below, else further down or up in steps; a label moved away
 * from its point gets a thin leader line. Labels are drawn after every marker, on top.
 */
final class PointLabels {
  private static final Canvas.Font FONT = Canvas.Font.plain(11);
  private static final double HEIGHT = 12;

  private record Box(double x0, double y0, double x1, double y1) {
    boolean overlaps(Box o) {
      return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
  }

  private record Placed(
      double px, double py, double x, double y, String text, Color colour, boolean moved) {}

  private final Box plot;
  private final List<Box> taken = new ArrayList<>();
  private final List<Placed> placed = new ArrayList<>();

  PointLabels(double left, double top, double right, double bottom) {
    this.plot = new Box(left, top, right, bottom);
  }

  /** A marker at {@code (x, y)} that no label may cover. */
  void mark(double x, double y) {
    taken.add(new Box(x - 5, y - 5, x + 5, y + 5));
  }

  /** A label for the point at {@code (px, py)}. */
  void add(double px, double py, String text, Color colour) {
    double w = FONT.width(text);
    // label boxes by their left end and baseline: right, left, above, below the point
    double[][] tries = {
      {px + 8, py + 4}, {px - 8 - w, py + 4}, {px - w / 2, py - 9}, {px - w / 2, py + 17}
    };
    for (double[] t : tries) if (tryAt(px, py, t[0], t[1], w, text, colour, false)) return;
    for (int step = 1; step <= 12; step++) {
      for (int sign : new int[] {1, -1}) {
        double y = py + 4 + sign * step * (HEIGHT + 1);
        if (tryAt(px, py, px + 14, y, w, text, colour, true)) return;
        if (tryAt(px, py, px - 14 - w, y, w, text, colour, true)) return;
      }
    }
    placed.add(new Placed(px, py, px + 8, py + 4, text, colour, false)); // crowded: beside it
  }

  private boolean tryAt(
      double px,
      double py,
      double x0,
      double y,
      double w,
      String text,
      Color colour,
      boolean moved) {
    Box b = new Box(x0, y - HEIGHT + 2, x0 + w, y + 3);
    if (b.x0 < plot.x0 || b.x1 > plot.x1 || b.y0 < plot.y0 || b.y1 > plot.y1) return false;
    for (Box o : taken) if (b.overlaps(o)) return false;
    taken.add(b);
    placed.add(new Placed(px, py, x0, y, text, colour, moved));
    return true;
  }

  void draw(Canvas c) {
    for (Placed p : placed) {
      if (p.moved()) {
        double lx = p.x() > p.px() ? p.x() - 2 : p.x() + FONT.width(p.text()) + 2;
        c.line(p.px(), p.py(), lx, p.y() - 4, Ink.line(Palette.AXIS, 0.8));
      }
      c.text(p.x(), p.y(), p.text(), FONT.coloured(Palette.shade(p.colour(), 0.75)));
    }
  }
}
