package dev.tokbench.results;

/**
 * The standard normal quantile by Acklam's rational approximation (relative error below 1.2e-9;
 * checked against SciPy's {@code norm.ppf} from 1e-300 to 0.4999): a starting point for {@link
 * TQuantile}, which refines to full precision on the t distribution itself.
 */
final class Normal {
  private static final double[] A = {
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01,
    1.615858368580409e+02,
    -1.556989798598866e+02,
    6.680131188771972e+01,
    -1.328068155288572e+01
  };
  private static final double[] C = {
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };

  /** Where the central rational function hands over to the tail's. */
  private static final double TAIL = 0.02425;

  private Normal() {}

  /** The z with Φ(z) = p, for 0 < p ≤ 1/2 (so z ≤ 0). */
  static double lowerQuantile(double p) {
    if (p < TAIL) {
      double r = Math.sqrt(-2 * Math.log(p));
      return polynomial(C, r) / (r * polynomial(D, r) + 1);
    }
    double s = p - 0.5;
    double r = s * s;
    return polynomial(A, r) * s / (r * polynomial(B, r) + 1);
  }

  /** c₀rⁿ⁻¹ + … + cₙ₋₁ by Horner's rule. */
  private static double polynomial(double[] c, double r) {
    double v = c[0];
    for (int i = 1; i < c.length; i++) v = v * r + c[i];
    return v;
  }
}
