package dev.tokbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Student's t quantiles, solved by Newton steps from Hill's start, to the digits they can have. */
class StudentTQuantileTest {
  /**
   * {df, p, t(p, df), p, t, …}: 40-digit references from mpmath 1.3.0, bisection in log t on {@code
   * betainc(df/2, 1/2, 0, df/(df+t²), regularized=True)/2} to 1e-25, rounded to 17 digits.
   */
  private static final double[][] REFERENCES = {
    {0.5, 0.975, 164.55767348048824, 0.995, 4113.9645888041738, 0.6, 0.39797542678479059},
    {1.0, 0.975, 12.706204736174693, 0.995, 63.656741162871524, 0.6, 0.32491969623290625},
    {2.5, 0.975, 3.5746548420036818, 0.995, 7.1637281389487829, 0.6, 0.28145951274854759},
    {3.3, 0.975, 3.0248744618408073, 0.995, 5.3443060697210782, 0.6, 0.27450197422105695},
    {7.25, 0.975, 2.3481948491053716, 0.995, 3.4587559624438089, 0.6, 0.26282275942677982},
    {30.0, 0.975, 2.0422724563012379, 0.995, 2.749995653567225, 0.6, 0.25560536495191271},
    {1000.0, 0.975, 1.9623390808264081, 0.995, 2.5807546980659508, 0.6, 0.25341451583949871},
    // p far in the lower tail, which the old search (on 1 - p) resolved to only ~1e-6
    {0.5, 1e-10, -1.0284911563163399e+19, 1.0, 1e-10, -3183098861.8379066},
    {2.5, 1e-10, -8765.4377713645716, 3.3, 1e-10, -1202.9000230630136},
    {7.25, 1e-10, -49.256291720469447, 1000.0, 1e-10, -6.4278762831342136},
  };

  @Test
  void quantilesMatchFortyDigitReferencesToTwelveDigits() {
    for (double[] row : REFERENCES) {
      if (row[1] < 1e-9) {
        for (int i = 0; i < row.length; i += 3) close(row[i + 1], row[i], row[i + 2], 5e-12);
      } else {
        for (int i = 1; i < row.length; i += 2) close(row[i], row[0], row[i + 1], 5e-12);
      }
    }
  }

  @Test
  void quantilesJustAboveOneHalfKeepTheirDigits() {
    // t ≈ (p - 1/2) / f(0): the tail's rounding near 1/2 (~1e-16) is ~1e-9 of (p - 1/2) here
    double[][] references = {
      {0.5, 3.7081493526511927e-7},
      {1.0, 3.1415926519363009e-7},
      {3.3, 2.7010476459182583e-7},
      {30.0, 2.5276002247929695e-7},
      {1000.0, 2.507255008614169e-7}
    };
    for (double[] r : references) close(0.5000001, r[0], r[1], 1e-9);
    assertThat(StudentT.quantile(0.5, 2.7)).isZero();
  }

  @Test
  void quantilesForOneAndTwoDegreesOfFreedomMatchTheirClosedForms() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < 2000; i++) {
      double p = 1 - Math.pow(10, rnd.nextDouble(-12, Math.log10(0.5)));
      double q = 1 - p; // exact, unlike the power of ten itself
      // Cauchy: P(T > t) = 1/2 - atan(t)/π; df = 2: P(T > t) = (1 - t/√(2 + t²)) / 2
      close(p, 1, 1 / Math.tan(Math.PI * q), 1e-12);
      close(p, 2, (1 - 2 * q) / Math.sqrt(2 * q * (1 - q)), 1e-12);
      close(q, 2, -(1 - 2 * q) / Math.sqrt(2 * q * (1 - q)), 1e-12);
    }
  }

  @Test
  void quantilesAgreeWithTheBisectionTheyReplaced() {
    SplittableRandom rnd = new SplittableRandom(7);
    double[] ps = {0.6, 0.9, 0.975, 0.995, 0.9999, 0.025, 0.1, 1e-4};
    for (int i = 0; i < 400; i++) {
      // fractional df from 0.5 to 1e4, and as many in Welch's usual range for three repetitions
      double df =
          i % 2 == 0
              ? Math.exp(rnd.nextDouble(Math.log(0.5), Math.log(1e4)))
              : 2 + 2 * rnd.nextDouble();
      for (double p : ps) {
        double old = bisection(p, df);
        assertThat(StudentT.quantile(p, df))
            .as("t(%s, %s)", p, df)
            .isCloseTo(old, within(1e-10 * Math.abs(old)));
      }
    }
  }

  @Test
  void lowerQuantilesMirrorUpperOnes() {
    for (double df : new double[] {0.7, 2.2, 3.9, 41}) {
      // 1 - 0.75 is exactly 0.25: both solve the same tail
      assertThat(StudentT.quantile(0.25, df)).isEqualTo(-StudentT.quantile(0.75, df));
    }
  }

  @Test
  void probabilitiesAndDegreesOfFreedomOutOfRangeAreRefused() {
    for (double p : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> StudentT.quantile(p, 3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("p must be in (0, 1), got " + p);
    }
    for (double df : new double[] {0, -2, Double.NaN}) {
      assertThatThrownBy(() -> StudentT.quantile(0.975, df))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("degrees of freedom must be > 0, got " + df);
    }
  }

  @Test
  void theDistributionFunctionJustRightOfZeroKeepsItsDistanceFromOneHalf() {
    // f(0) for df = 3 is 2/(π√3); 1 - x, were it taken from x = 3/(3 + 1e-16), would be 0
    assertThat(StudentT.cdf(1e-8, 3) - 0.5)
        .isCloseTo(1e-8 * 2 / (Math.PI * Math.sqrt(3)), within(1e-16));
  }

  private static void close(double p, double df, double expected, double relative) {
    assertThat(StudentT.quantile(p, df))
        .as("t(%s, %s)", p, df)
        .isCloseTo(expected, within(relative * Math.abs(expected)));
  }

  /** The search quantile used before: bisection on the distribution function to 1e-12 of t. */
  private static double bisection(double p, double df) {
    if (p < 0.5) return -bisection(1 - p, df);
    double lo = 0;
    double hi = 1;
    while (StudentT.cdf(hi, df) < p) hi *= 2;
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (StudentT.cdf(mid, df) < p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }
}
