package dev.tokbench.report.chart;

import java.awt.Color;
import java.util.List;

/**
 * What a chart draws on, in pixels from the top left: the SVG writer and the Java2D painter both
 * implement it, so one layout gives both files.
 */
interface Canvas {
  /** Where a text is anchored on its x. */
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  /**
   * How a text is set.
   *
   * @param size pixels
   * @param bold bold or book
   * @param colour its colour
   * @param anchor what its x is
   * @param rotation degrees, counter-clockwise negative as in SVG
   */
  record Font(double size, boolean bold, Color colour, Anchor anchor, double rotation) {
    static Font plain(double size) {
      return new Font(size, false, Palette.TEXT, Anchor.START, 0);
    }

    Font inBold() {
      return new Font(size, true, colour, anchor, rotation);
    }

    Font anchored(Anchor a) {
      return new Font(size, bold, colour, a, rotation);
    }

    Font coloured(Color c) {
      return new Font(size, bold, c, anchor, rotation);
    }

    Font rotated(double degrees) {
      return new Font(size, bold, colour, anchor, degrees);
    }

    /** The width of {@code text} set in this font. */
    double width(String text) {
      return TextMetrics.width(text, size, bold);
    }
  }

  void rect(double x, double y, double w, double h, Ink ink);

  void line(double x1, double y1, double x2, double y2, Ink ink);

  void polyline(List<double[]> points, Ink ink);

  void marker(Marker shape, double x, double y, double size, Ink ink);

  /** {@code text} with its baseline at {@code y}. */
  void text(double x, double y, String text, Font font);

  /** Starts a group of shapes that share a tooltip (SVG {@code <title>}); PNG ignores it. */
  default void beginGroup(String tooltip) {}

  default void endGroup() {}
}
