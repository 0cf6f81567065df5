package dev.tokbench.results;

import java.util.Collection;
import java.util.Locale;

/**
 * The smallest and largest of some values, e.g. the speedups of a comparison.
 *
 * @param min the smallest value
 * @param max the largest value
 */
public record Range(double min, double max) {
  public Range {
    if (min > max) throw new IllegalArgumentException("min " + min + " > max " + max);
  }

  /** The range of {@code values}, which must not be empty. */
  public static Range of(Collection<Double> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("no values to take a range of");
    return new Range(
        values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
  }

  /** True when both ends lie within {@code [low, high]}. */
  public boolean within(double low, double high) {
    return min >= low && max <= high;
  }

  /** The range with {@code decimals} decimals, e.g. {@code 3.37-3.79}. */
  public String format(int decimals) {
    String f = "%." + decimals + "f";
    return String.format(Locale.ROOT, f + "-" + f, min, max);
  }

  @Override
  public String toString() {
    return format(2);
  }
}
