package dev.tokbench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * {@code String.format(Locale.ROOT, "%.2f", v)} without the formatter: a fleet's report formats
 * millions of figures, and the formatter was an eighth of its time. The same text for every value:
 * Java's formatter rounds the shortest decimal that {@link Double#toString} gives, half up, and so
 * does this ({@code FixedTest} checks the two agree).
 */
final class Fixed {
  private Fixed() {}

  /** {@code value} with {@code decimals} decimals, always with a dot, exactly as %.Nf prints it. */
  static String of(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value) || decimals < 0) {
      return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
    BigDecimal rounded =
        new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_UP);
    String text = rounded.toPlainString();
    // a negative value that rounds to zero keeps its sign ("-0.00"), as the formatter's does
    boolean negative = value < 0 || (value == 0 && 1 / value < 0);
    return negative && rounded.signum() == 0 ? "-" + text : text;
  }
}
