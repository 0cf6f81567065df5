package dev.tokbench.report.chart;

import java.util.List;

/** The corners of the polygon markers, shared by both canvases. */
final class Shapes {
  private Shapes() {}

  static List<double[]> polygon(Marker shape, double x, double y, double r) {
    return switch (shape) {
      case TRIANGLE ->
          List.of(
              new double[] {x, y - r * 1.15},
              new double[] {x + r * 1.1, y + r * 0.8},
              new double[] {x - r * 1.1, y + r * 0.8});
      case DIAMOND ->
          List.of(
              new double[] {x, y - r * 1.2},
              new double[] {x + r * 1.2, y},
              new double[] {x, y + r * 1.2},
              new double[] {x - r * 1.2, y});
      default ->
          List.of(
              new double[] {x - r, y - r},
              new double[] {x + r, y - r},
              new double[] {x + r, y + r},
              new double[] {x - r, y + r});
    };
  }
}
