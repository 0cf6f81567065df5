package dev.tokbench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * {@code String.format(Locale.ROOT, "%.2f", v)} without the formatter: a fleet's report formats
 * millions of figures, and the formatter was an eighth of its time. The same text for every value:
 * Java's formatter rounds the shortest decimal that {@link Double#toString} gives, half up, and so
 * does this ({@code FixedTest} checks the two agree).
 *
 * <p>Most figures need neither that decimal nor a {@link BigDecimal} (together 7 % of a 1M-row
 * report): rounding the double itself gives the same digits wherever it is not within a hair of a
 * tie, see {@link #direct}. Ties such as 2.675 ({@code
 * 2.67499999999999982236431605997495353221893310546875} as a double, but 2.68 as the formatter
 * prints it) take the decimal's path.
 */
final class Fixed {
  private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

  /** Scaled magnitudes below 2³¹: a long holds them, and their rounding error is below 2⁻²². */
  private static final double DIRECT_LIMIT = 0x1p31;

  /** Twice the largest distance between the scaled double and the scaled decimal (below). */
  private static final double TIE_MARGIN = 0x1p-20;

  private Fixed() {}

  /** {@code value} with {@code decimals} decimals, always with a dot, exactly as %.Nf prints it. */
  static String of(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value) || decimals < 0) {
      return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
    // a negative value that rounds to zero keeps its sign ("-0.00"), as the formatter's does
    boolean negative = value < 0 || (value == 0 && 1 / value < 0);
    String direct = decimals < POWERS_OF_TEN.length ? direct(value, decimals, negative) : null;
    return direct != null ? direct : viaDecimal(value, decimals, negative);
  }

  /**
   * The figure from the double alone, or null where that might differ from rounding its decimal.
   * Double.toString's decimal D reads back as the value v, so |D - v| ≤ ulp(v)/2; scaled by 10ⁿ
   * (exact for n ≤ 22) that is below 2⁻²² while v·10ⁿ < 2³¹, and so is the product's own rounding.
   * So D·10ⁿ lies within 2⁻²¹ of the scaled double, and where that is at least 2⁻²⁰ from the
   * nearest half-integer both round, half up, to the same integer.
   */
  private static String direct(double value, int decimals, boolean negative) {
    double scaled = Math.abs(value) * POWERS_OF_TEN[decimals];
    if (!(scaled < DIRECT_LIMIT)) return null;
    double floor = Math.floor(scaled);
    double fraction = scaled - floor; // exact: Sterbenz, or floor = 0
    if (Math.abs(fraction - 0.5) < TIE_MARGIN) return null;
    return text((long) floor + (fraction > 0.5 ? 1 : 0), decimals, negative);
  }

  /** {@code units} / 10^decimals written out: "0.05" for 5 with 2 decimals. */
  private static String text(long units, int decimals, boolean negative) {
    char[] out = new char[24];
    int at = out.length;
    for (int i = 0; i < decimals; i++, units /= 10) out[--at] = (char) ('0' + units % 10);
    if (decimals > 0) out[--at] = '.';
    do {
      out[--at] = (char) ('0' + units % 10);
      units /= 10;
    } while (units > 0);
    if (negative) out[--at] = '-';
    return new String(out, at, out.length - at);
  }

  /** Double.toString's decimal rounded half up: the formatter's own rule, for ties and giants. */
  private static String viaDecimal(double value, int decimals, boolean negative) {
    BigDecimal rounded =
        new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_UP);
    String text = rounded.toPlainString();
    return negative && rounded.signum() == 0 ? "-" + text : text;
  }
}
