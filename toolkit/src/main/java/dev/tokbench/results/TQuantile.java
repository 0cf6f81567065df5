package dev.tokbench.results;

/**
 * Solves {@code P(T > t) = q} for one Student's t distribution. Bisection on the distribution
 * function took ~45 of its evaluations (each a continued fraction) per quantile, and {@code
 * compare} asks one per pair of configurations; this starts from Hill's approximation (CACM
 * Algorithm 396, 1970), about five digits, and takes second-order Newton steps, which converge
 * cubically: two or three evaluations. The root stays bracketed by two bounds that hold for any df
 * — the tail is convex for t > 0, so its tangent at 0 meets q left of the root, and the density's
 * power-law envelope right of it — and a step that leaves the bracket bisects it instead; if the
 * steps do not settle, plain bisection finishes inside the bracket, as the old code did.
 */
final class TQuantile {
  /**
   * A Newton step this small, relative to t, ends the search: the steps converge cubically, so t
   * plus the step is as close as the tail's own rounding (~1e-15 of it) lets any search come.
   * Smaller would chase that rounding near p = 1/2, where it is a larger part of t.
   */
  private static final double SETTLED = 1e-12;

  private static final int MAX_STEPS = 12;

  private final double df;
  private final double lnBeta;

  /** ln f(0) = -ln(√df · B(df/2, 1/2)): f(t) = f(0) · x^((df+1)/2), x = df / (df + t²). */
  private final double lnDensityAtZero;

  TQuantile(double df) {
    this.df = df;
    this.lnBeta = StudentT.lnBetaHalf(df / 2);
    this.lnDensityAtZero = -0.5 * Math.log(df) - lnBeta;
  }

  /** The t > 0 with P(T > t) = q, for 0 < q < 1/2. */
  double upper(double q) {
    double lo = (0.5 - q) / Math.exp(lnDensityAtZero);
    double hi = Math.min(envelopeRoot(q), Double.MAX_VALUE);
    // Hill's start can overshoot the envelope where t is huge; the envelope is close there
    double t = Math.max(lo, Math.min(hi, start(q)));
    if (Double.isNaN(t)) t = middle(lo, hi);
    for (int i = 0; i < MAX_STEPS; i++) {
      double gap = StudentT.upperTail(t, df, lnBeta) - q;
      if (gap == 0) return t;
      if (gap > 0) lo = t;
      else hi = t;
      double step = gap / density(t);
      // Taylor's second term: f'(t)/f(t) = -(df + 1) t / (df + t²)
      double next = t + step * (1 + step * t * (df + 1) / (2 * (t * t + df)));
      if (Math.abs(next - t) <= SETTLED * t) return next;
      if (!(next > lo && next < hi)) next = middle(lo, hi);
      t = next;
    }
    return bisect(q, lo, hi);
  }

  private double density(double t) {
    return Math.exp(lnDensityAtZero + (df + 1) / 2 * Math.log(df / (df + t * t)));
  }

  /**
   * Where the envelope {@code f(s) ≤ f(0) df^((df+1)/2) s^-(df+1)}, integrated from t, equals q:
   * the tail lies below it, so its root lies left of this one.
   */
  private double envelopeRoot(double q) {
    return Math.exp(((df / 2 - 1) * Math.log(df) - lnBeta - Math.log(q)) / df);
  }

  /** Hill's approximation for df ≥ 1; below 1 the envelope, close where t is large. */
  private double start(double q) {
    return df >= 1 ? hill(q) : envelopeRoot(q);
  }

  /** Hill (1970), Algorithm 396, for the two-sided tail 2q: its own formulas, df ≥ 1. */
  private double hill(double q) {
    double a = 1 / (df - 0.5);
    double b = 48 / (a * a);
    double c = ((20700 * a / b - 98) * a - 16) * a + 96.36;
    double d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt(a * Math.PI / 2) * df;
    double y = Math.pow(d * 2 * q, 2 / df);
    if (y > 0.05 + a) {
      // the asymptotic expansion about the normal quantile
      double x = Normal.lowerQuantile(q);
      y = x * x;
      if (df < 5) c += 0.3 * (df - 4.5) * (x + 0.6);
      c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
      y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
      y = Math.expm1(a * y * y);
    } else {
      double inner = ((df + 6) / (df * y) - 0.089 * d - 0.822) * (df + 2) * 3;
      y = ((1 / inner + 0.5 / (df + 4)) * y - 1) * (df + 1) / (df + 2) + 1 / y;
    }
    return Math.sqrt(df * y);
  }

  /** The bracket's middle: geometric while it spans orders of magnitude (lo > 0 always). */
  private static double middle(double lo, double hi) {
    return hi > 4 * lo ? Math.sqrt(lo) * Math.sqrt(hi) : lo + (hi - lo) / 2;
  }

  /** The old search, kept for a distribution on which the steps do not settle. */
  private double bisect(double q, double lo, double hi) {
    for (int i = 0; i < 2000 && hi - lo > 1e-12 * hi; i++) {
      double mid = middle(lo, hi);
      if (StudentT.upperTail(mid, df, lnBeta) > q) lo = mid;
      else hi = mid;
    }
    return lo + (hi - lo) / 2;
  }
}
