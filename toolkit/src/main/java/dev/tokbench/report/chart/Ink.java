package dev.tokbench.report.chart;

import java.awt.Color;

/**
 * How a shape is painted: fill, outline and its dash pattern, and whether the fill is hatched (the
 * fill colour's lighter tint with diagonal stripes of it), which tells FA-on bars from FA-off ones
 * in print as well as on screen.
 *
 * @param fill the fill colour, null for none
 * @param stroke the outline colour, null for none
 * @param strokeWidth outline width in pixels
 * @param dash dash and gap lengths, empty for a solid line
 * @param hatched true to fill with stripes of {@code fill} on its tint
 */
public record Ink(
    Color fill, Color stroke, double strokeWidth, java.util.List<Double> dash, boolean hatched) {
  public Ink {
    dash = java.util.List.copyOf(dash);
  }

  /** A solid fill without outline. */
  public static Ink fill(Color c) {
    return new Ink(c, null, 0, java.util.List.of(), false);
  }

  /** A solid line. */
  public static Ink line(Color c, double width) {
    return new Ink(null, c, width, java.util.List.of(), false);
  }

  /** A dashed line. */
  public static Ink dashed(Color c, double width, double... dashes) {
    java.util.List<Double> d = new java.util.ArrayList<>();
    for (double x : dashes) d.add(x);
    return new Ink(null, c, width, d, false);
  }

  /** This ink with diagonal stripes. */
  public Ink hatch() {
    return new Ink(fill, stroke, strokeWidth, dash, true);
  }

  /** This ink with an outline. */
  public Ink outlined(Color c, double width) {
    return new Ink(fill, c, width, dash, hatched);
  }

  /** The light tint a hatched fill lays its stripes on. */
  static Color tint(Color c) {
    return new Color(
        (c.getRed() + 3 * 255) / 4, (c.getGreen() + 3 * 255) / 4, (c.getBlue() + 3 * 255) / 4);
  }
}
