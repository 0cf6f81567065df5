package dev.tokbench.results;

/**
 * Student's t distribution: its distribution function and quantiles, for confidence intervals of a
 * mean of a few repetitions and for Welch's test. The distribution function is the regularized
 * incomplete beta function {@code I_x(df/2, 1/2)} with {@code x = df / (df + t²)}, evaluated by its
 * continued fraction (Numerical Recipes, 3rd ed., §6.4); quantiles are found by bisection.
 */
public final class StudentT {
  private StudentT() {}

  /** P(T ≤ t) for {@code df} degrees of freedom (df may be fractional, as Welch's is). */
  public static double cdf(double t, double df) {
    if (!(df > 0)) throw new IllegalArgumentException("degrees of freedom must be > 0, got " + df);
    if (Double.isNaN(t)) return Double.NaN;
    if (Double.isInfinite(t)) return t > 0 ? 1 : 0;
    double x = df / (df + t * t);
    double tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
    return t > 0 ? 1 - tail : tail;
  }

  /** The two-sided p-value of a t statistic: P(|T| ≥ |t|). */
  public static double twoSidedP(double t, double df) {
    return 2 * cdf(-Math.abs(t), df);
  }

  /** The {@code p} quantile, e.g. {@code quantile(0.975, 2)} = 4.303. */
  public static double quantile(double p, double df) {
    if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0, 1), got " + p);
    if (p < 0.5) return -quantile(1 - p, df);
    double lo = 0;
    double hi = 1;
    while (cdf(hi, df) < p) hi *= 2;
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (cdf(mid, df) < p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }

  /** I_x(a, b), the regularized incomplete beta function. */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    double front =
        Math.exp(
            logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    // the continued fraction converges fast for x < (a + 1) / (a + b + 2); else use the symmetry
    if (x < (a + 1) / (a + b + 2)) return front * betaFraction(x, a, b) / a;
    return 1 - front * betaFraction(1 - x, b, a) / b;
  }

  /** Lentz's method for the continued fraction of I_x(a, b). */
  private static double betaFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 300; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 / nonZero(1 + even * d);
      c = nonZero(1 + even / c);
      h *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 / nonZero(1 + odd * d);
      c = nonZero(1 + odd / c);
      double step = d * c;
      h *= step;
      if (Math.abs(step - 1) < 1e-15) break;
    }
    return h;
  }

  private static double nonZero(double v) {
    return Math.abs(v) < 1e-300 ? 1e-300 : v;
  }

  /** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9). */
  static double logGamma(double x) {
    if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    double[] g = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    double z = x - 1;
    double sum = g[0];
    for (int i = 1; i < g.length; i++) sum += g[i] / (z + i);
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
