package dev.tokbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The report's fast {@code %.Nf} gives the formatter's text for every kind of value. */
class FixedTest {
  private static void same(double v, int decimals) {
    assertEquals(
        String.format(Locale.ROOT, "%." + decimals + "f", v),
        Fixed.of(v, decimals),
        () -> v + " to " + decimals + " decimals");
  }

  @Test
  void edgeCasesPrintAsTheFormatterPrintsThem() {
    double[] values = {
      0,
      -0.0,
      0.5,
      1.5,
      2.5,
      -0.5,
      0.125,
      0.375,
      1.005,
      2.675,
      1.0049999999,
      -0.001,
      -0.004999,
      0.0049999,
      9.995,
      99.995,
      1e-7,
      -1e-7,
      1e15,
      1.23456789e17,
      9.999999e22,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      -Double.MAX_VALUE,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      633.675,
      28779.675,
      0.9999,
      12345.6789
    };
    for (double v : values) for (int d = 0; d <= 4; d++) same(v, d);
  }

  @Test
  void randomRatesAndRatiosPrintAsTheFormatterPrintsThem() {
    SplittableRandom rnd = new SplittableRandom(13);
    for (int i = 0; i < 20_000; i++) {
      double rate = Math.pow(10, rnd.nextDouble(-4, 6)) * (rnd.nextBoolean() ? 1 : -1);
      same(rate, rnd.nextInt(0, 4));
      // figures written with few decimals, where ties are common: 12.345, 0.125
      same(Math.round(rate * 1000) / 1000.0, rnd.nextInt(0, 3));
      same(rnd.nextInt(-100_000, 100_000) / 8.0, rnd.nextInt(0, 3));
    }
  }

  @Test
  void millionsOfValuesOfEveryMagnitudePrintAsTheFormatterPrintsThem() {
    SplittableRandom rnd = new SplittableRandom(2026);
    for (int i = 0; i < 150_000; i++) {
      double sign = rnd.nextBoolean() ? 1 : -1;
      // any magnitude from tiny to past where a long holds the scaled figure
      double v = sign * Math.pow(10, rnd.nextDouble(-9, 17));
      // a tie at some decimal place (12.345, 0.0005, 2.675), a hair either side, or a value that
      // rounds up to the next power of ten (9.995, 99999.9995)
      int places = rnd.nextInt(0, 8);
      double tie = sign * (rnd.nextLong(0, 10_000_000) * 10 + 5) / Math.pow(10, places + 1);
      double nines = sign * (Math.pow(10, rnd.nextInt(-4, 8)) - 5 / Math.pow(10, places + 1));
      for (int d = 0; d <= 6; d++) {
        same(v, d);
        if (d == places) {
          same(tie, d);
          same(Math.nextUp(tie), d);
          same(Math.nextDown(tie), d);
          same(nines, d);
        }
      }
    }
  }
}
