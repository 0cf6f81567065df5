package dev.tokbench.report.chart;

/** The shapes a point can be drawn as: one per device or model where a chart shows several. */
public enum Marker {
  CIRCLE,
  SQUARE,
  TRIANGLE,
  DIAMOND;

  /** The {@code i}-th shape, cycling. */
  public static Marker nth(int i) {
    return values()[Math.floorMod(i, values().length)];
  }
}
