package dev.tokbench.results;

/**
 * Student's t distribution: its distribution function and quantiles, for confidence intervals of a
 * mean of a few repetitions and for Welch's test. The distribution function is the regularized
 * incomplete beta function {@code I_x(df/2, 1/2)} with {@code x = df / (df + t²)}, evaluated by its
 * continued fraction (Numerical Recipes, 3rd ed., §6.4); quantiles are solved on it by {@link
 * TQuantile}.
 */
public final class StudentT {
  /** ln Γ(1/2) = ln √π. */
  private static final double LN_GAMMA_HALF = 0.5723649429247001;

  /** Lanczos coefficients for g = 7, n = 9. */
  private static final double[] LANCZOS = {
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

  private StudentT() {}

  /** P(T ≤ t) for {@code df} degrees of freedom (df may be fractional, as Welch's is). */
  public static double cdf(double t, double df) {
    requireDf(df);
    if (Double.isNaN(t)) return Double.NaN;
    if (Double.isInfinite(t)) return t > 0 ? 1 : 0;
    double tail = upperTail(Math.abs(t), df, lnBetaHalf(df / 2));
    return t > 0 ? 1 - tail : tail;
  }

  /** The two-sided p-value of a t statistic: P(|T| ≥ |t|). */
  public static double twoSidedP(double t, double df) {
    return 2 * cdf(-Math.abs(t), df);
  }

  /**
   * The {@code p} quantile, e.g. {@code quantile(0.975, 2)} = 4.303: the t with {@code cdf(t, df) =
   * p}. Within 5e-12 of itself for df up to 1e4 (1e-9 right next to p = 1/2, where the tail's
   * rounding is that part of t). Past 1e4 the distribution function loses digits (ln B's
   * cancellation, the continued fraction's slow convergence), and the quantile with it: ~4e-10 of t
   * at 1e6, ~2e-7 at 1e8, none left by 1e15.
   */
  public static double quantile(double p, double df) {
    if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0, 1), got " + p);
    requireDf(df);
    if (p == 0.5) return 0;
    // solved on the upper tail, where small probabilities keep their digits: 1 - p is exact for
    // p ≥ 1/2, and below 1/2 the distribution's symmetry makes p itself the upper tail of -t
    double t = new TQuantile(df).upper(p < 0.5 ? p : 1 - p);
    return p < 0.5 ? -t : t;
  }

  static void requireDf(double df) {
    if (!(df > 0)) throw new IllegalArgumentException("degrees of freedom must be > 0, got " + df);
  }

  /**
   * P(T > t) for t ≥ 0: {@code I_x(df/2, 1/2) / 2}; {@code lnBeta} is {@link #lnBetaHalf}(df/2),
   * which a quantile's iterations share.
   */
  static double upperTail(double t, double df, double lnBeta) {
    // 1 - x from t² itself: as 1 - x it would lose most of its digits where x is near 1 (small t,
    // large df), and with them the tail's difference from 1/2
    double x = df / (df + t * t);
    double y = t * t / (df + t * t);
    return 0.5 * regularizedBeta(x, y, df / 2, 0.5, lnBeta);
  }

  /** ln B(a, 1/2). */
  static double lnBetaHalf(double a) {
    return logGamma(a) + LN_GAMMA_HALF - logGamma(a + 0.5);
  }

  /** I_x(a, b), the regularized incomplete beta function. */
  static double regularizedBeta(double x, double a, double b) {
    return regularizedBeta(x, 1 - x, a, b, logGamma(a) + logGamma(b) - logGamma(a + b));
  }

  /** I_x(a, b) given y = 1 - x (to its own precision) and ln B(a, b). */
  private static double regularizedBeta(double x, double y, double a, double b, double lnBeta) {
    if (x <= 0) return 0;
    if (y <= 0) return 1;
    double front = Math.exp(a * Math.log(x) + b * Math.log(y) - lnBeta);
    // the continued fraction converges fast for x < (a + 1) / (a + b + 2); else use the symmetry
    if (x < (a + 1) / (a + b + 2)) return front * betaFraction(x, a, b) / a;
    return 1 - front * betaFraction(y, b, a) / b;
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
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
