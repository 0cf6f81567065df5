package dev.tokbench.report.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@link Axis} mapped onto pixels, widened to round bounds, with its ticks: steps of 1, 2, 2.5
 * or 5 × 10ⁿ on a linear axis, decades (and 2×, 5× within them when the range is short) on a log
 * one; labels with as many decimals as the step needs and thousands grouped, never {@code 28.00}.
 */
final class Scale {
  /**
   * One tick.
   *
   * @param value where it is
   * @param label its text
   */
  record Tick(double value, String label) {}

  private final boolean log;
  private final double lo;
  private final double hi;
  private final double from;
  private final double to;
  private final List<Tick> ticks;

  /** {@code axis} drawn from pixel {@code from} (its low end) to {@code to}. */
  Scale(Axis axis, double from, double to) {
    this.log = axis.log();
    this.from = from;
    this.to = to;
    List<Tick> t = log ? logTicks(axis.min(), axis.max()) : linearTicks(axis.min(), axis.max());
    this.lo = t.get(0).value();
    this.hi = t.get(t.size() - 1).value();
    this.ticks = List.copyOf(t);
  }

  /** The pixel of value {@code v}. */
  double at(double v) {
    double f =
        log
            ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
            : (v - lo) / (hi - lo);
    return from + f * (to - from);
  }

  List<Tick> ticks() {
    return ticks;
  }

  double low() {
    return lo;
  }

  double high() {
    return hi;
  }

  private static List<Tick> linearTicks(double min, double max) {
    if (max == min) max = min == 0 ? 1 : min + Math.abs(min);
    double step = niceStep((max - min) / 5);
    double start = Math.floor(min / step + 1e-9) * step;
    double end = Math.ceil(max / step - 1e-9) * step;
    int decimals = decimals(step);
    List<Tick> out = new ArrayList<>();
    for (double v = start; v <= end + step / 2; v += step) {
      double r = Math.abs(v) < step / 1e6 ? 0 : v;
      out.add(new Tick(r, format(r, decimals)));
    }
    return out;
  }

  /** The smallest of 1, 2, 2.5, 5 × 10ⁿ not below {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * p >= raw * (1 - 1e-9)) return m * p;
    return 10 * p;
  }

  private static int decimals(double step) {
    for (int d = 0; d < 6; d++) {
      double scaled = step * Math.pow(10, d);
      if (Math.abs(scaled - Math.rint(scaled)) < 1e-6) return d;
    }
    return 6;
  }

  /**
   * Ticks of a log axis over exactly [min, max] (a log axis is not widened: a decade more would
   * squeeze the data): decades, with 2× and 5× when few fall inside, and 1.5×, 3×, 7× for a range
   * under a decade.
   */
  private static List<Tick> logTicks(double min, double max) {
    if (max <= min * 1.0001) {
      min /= 2;
      max *= 2;
    }
    double decades = Math.log10(max / min);
    double[] steps =
        decades > 3
            ? new double[] {1}
            : decades > 1.2 ? new double[] {1, 2, 5} : new double[] {1, 1.5, 2, 3, 5, 7};
    List<Tick> out = new ArrayList<>();
    out.add(new Tick(min, ""));
    for (int e = (int) Math.floor(Math.log10(min)); e <= (int) Math.ceil(Math.log10(max)); e++) {
      for (double m : steps) {
        double v = m * Math.pow(10, e);
        if (v > min * (1 + 1e-9) && v < max * (1 - 1e-9)) {
          out.add(new Tick(v, format(v, Math.max(0, decimals(m) - e))));
        }
      }
    }
    out.add(new Tick(max, ""));
    return out;
  }

  /** {@code v} with {@code decimals} decimals and grouped thousands ({@code 12,500}). */
  static String format(double v, int decimals) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    return f.format(v);
  }
}
