package dev.tokbench.report.chart;

/**
 * An axis: its title, linear or logarithmic, and the range of the data it must show (the drawn
 * range is widened to round ticks).
 *
 * @param title the title, with the unit ({@code decode (tok/s)})
 * @param log logarithmic when true
 * @param min the smallest value to show
 * @param max the largest value to show
 */
public record Axis(String title, boolean log, double min, double max) {
  public Axis {
    if (!(min <= max)) throw new IllegalArgumentException(title + ": min " + min + " > max " + max);
    if (log && !(min > 0)) throw new IllegalArgumentException(title + ": a log axis needs min > 0");
  }

  /** A linear axis from 0 to {@code max}. */
  public static Axis fromZero(String title, double max) {
    return new Axis(title, false, 0, max);
  }

  /** A linear axis over {@code min}..{@code max}. */
  public static Axis linear(String title, double min, double max) {
    return new Axis(title, false, min, max);
  }

  /** A logarithmic axis over {@code min}..{@code max}. */
  public static Axis log(String title, double min, double max) {
    return new Axis(title, true, min, max);
  }
}
