package dev.tokbench.results;

import java.util.Locale;

/**
 * A candidate's speed over a baseline's with the statistics llama.cpp's {@code
 * compare-llama-bench.py} leaves out: a 95 % confidence interval of the ratio and Welch's t-test of
 * the difference in means, both from each side's repetitions (n, mean, standard deviation: the same
 * test as on the per-repetition samples themselves, which it needs no more than these).
 *
 * <p>The interval is the delta method on the log of the ratio: {@code se² = s₁²/(n₁m₁²) +
 * s₂²/(n₂m₂²)}, with the Welch–Satterthwaite degrees of freedom of those two terms, so {@code ratio
 * × exp(±t(0.975, df) × se)}; it is asymmetric, as a ratio's should be. Without two repetitions and
 * a known spread on each side neither can be computed, and both are NaN.
 *
 * @param ratio candidate mean ÷ baseline mean
 * @param ciLow lower end of the 95 % confidence interval of the ratio
 * @param ciHigh upper end
 * @param t Welch's t of candidate minus baseline
 * @param df its Welch–Satterthwaite degrees of freedom
 * @param p its two-sided p-value
 */
public record Speedup(double ratio, double ciLow, double ciHigh, double t, double df, double p) {
  /** The level below which a difference counts as significant: 0.05 (two-sided). */
  public static final double ALPHA = 0.05;

  /** The speedup of {@code candidate} over {@code baseline}. */
  public static Speedup of(Pooled baseline, Pooled candidate) {
    double ratio = candidate.mean() / baseline.mean();
    int n1 = baseline.repetitions();
    int n2 = candidate.repetitions();
    double s1 = baseline.stddev();
    double s2 = candidate.stddev();
    if (n1 < 2 || n2 < 2 || Double.isNaN(s1) || Double.isNaN(s2)) {
      return new Speedup(ratio, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double m1 = baseline.mean();
    double m2 = candidate.mean();
    double a = s1 * s1 / n1;
    double b = s2 * s2 / n2;
    double t = (m2 - m1) / Math.sqrt(a + b);
    double df = satterthwaite(a, n1, b, n2);
    double p = a + b == 0 ? (m1 == m2 ? 1 : 0) : StudentT.twoSidedP(t, df);
    double la = a / (m1 * m1);
    double lb = b / (m2 * m2);
    double se = Math.sqrt(la + lb);
    double logDf = satterthwaite(la, n1, lb, n2);
    double half = se == 0 ? 0 : StudentT.quantile(0.975, logDf) * se;
    return new Speedup(ratio, ratio * Math.exp(-half), ratio * Math.exp(half), t, df, p);
  }

  /** (a + b)² / (a²/(n₁-1) + b²/(n₂-1)); n₁ + n₂ - 2 when both terms are zero. */
  private static double satterthwaite(double a, int n1, double b, int n2) {
    double den = a * a / (n1 - 1) + b * b / (n2 - 1);
    return den == 0 ? n1 + n2 - 2 : (a + b) * (a + b) / den;
  }

  /** True when both sides had the repetitions and spread for the interval and the test. */
  public boolean testable() {
    return !Double.isNaN(p);
  }

  /** True when Welch's test puts p under {@link #ALPHA}. */
  public boolean significant() {
    return testable() && p < ALPHA;
  }

  /** {@code yes}, {@code no}, or {@code n/a} without the repetitions to tell. */
  public String significance() {
    return !testable() ? "n/a" : significant() ? "yes" : "no";
  }

  @Override
  public String toString() {
    return testable()
        ? String.format(Locale.ROOT, "%.3f× (95%% CI %.3f-%.3f, p %.3g)", ratio, ciLow, ciHigh, p)
        : String.format(Locale.ROOT, "%.3f× (no interval: one repetition)", ratio);
  }
}
