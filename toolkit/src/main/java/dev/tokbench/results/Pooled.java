package dev.tokbench.results;

import java.util.List;
import java.util.Locale;

/**
 * The repetitions of one configuration pooled over every run that measured it: the mean and sample
 * standard deviation of all repetitions together (as if one run had made them all), a 95 %
 * confidence interval of the mean (Student's t), and the coefficient of variation.
 *
 * <p>Each run contributes its own mean and standard deviation over its repetitions (llama-bench's
 * {@code avg_ts} and {@code stddev_ts}, computed from its nanosecond samples, so more precise than
 * the rounded {@code samples_ts}); the number of repetitions is its sample count, else the {@code
 * repetitions} it states, else 1. With {@code N = Σ nᵢ}: mean {@code M = Σ nᵢ mᵢ / N}, variance
 * {@code (Σ (nᵢ - 1) sᵢ² + Σ nᵢ (mᵢ - M)²) / (N - 1)}, exactly the variance of all samples.
 *
 * @param runs how many runs (rows) were merged
 * @param repetitions how many repetitions they hold together
 * @param mean the pooled mean, tokens per second
 * @param stddev the pooled sample standard deviation, NaN when a run's spread is unknown
 */
public record Pooled(int runs, int repetitions, double mean, double stddev) {
  /**
   * The coefficient of variation above which a configuration is flagged: 10 %. llama-bench's decode
   * repetitions on a quiet GPU vary by well under 1 %; prompt processing with three repetitions
   * often by 5-15 % (the first repetition is slower); more than 10 % says the machine was busy or
   * the runs disagree.
   */
  public static final double HIGH_VARIATION = 0.10;

  /** The runs of one configuration, pooled; every row must be ok. */
  public static Pooled of(List<BenchResult> rows) {
    if (rows.isEmpty()) throw new IllegalArgumentException("nothing to pool");
    if (rows.size() == 1) {
      BenchResult r = rows.get(0);
      return new Pooled(1, repetitions(r), r.tokensPerSMean(), r.tokensPerSStddev());
    }
    int n = 0;
    double sum = 0;
    for (BenchResult r : rows) {
      int k = repetitions(r);
      n += k;
      sum += k * r.tokensPerSMean();
    }
    double mean = sum / n;
    double ss = 0;
    for (BenchResult r : rows) {
      int k = repetitions(r);
      double s = k > 1 ? r.tokensPerSStddev() : 0;
      double d = r.tokensPerSMean() - mean;
      ss += (k - 1) * s * s + k * d * d;
    }
    return new Pooled(rows.size(), n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN);
  }

  /** A row's repetitions: its samples, else the count it states, else 1. */
  public static int repetitions(BenchResult r) {
    if (!r.samples().isEmpty()) return r.samples().size();
    String stated = r.flags().get("repetitions");
    if (stated != null) {
      try {
        return Math.max(1, Integer.parseInt(stated.trim()));
      } catch (NumberFormatException e) {
        return 1;
      }
    }
    return 1;
  }

  /** Standard deviation over mean; NaN when the spread is unknown. */
  public double cv() {
    return stddev / mean;
  }

  /** True when the coefficient of variation is over {@link #HIGH_VARIATION}. */
  public boolean highVariation() {
    return cv() > HIGH_VARIATION;
  }

  /** Half the width of the 95 % confidence interval of the mean; NaN with one repetition. */
  public double ci95HalfWidth() {
    if (repetitions < 2 || Double.isNaN(stddev)) return Double.NaN;
    return T975.computeIfAbsent(repetitions - 1, df -> StudentT.quantile(0.975, df))
        * stddev
        / Math.sqrt(repetitions);
  }

  /**
   * t(0.975, df) by degrees of freedom, each found once: a fleet's folder asks per configuration.
   */
  private static final java.util.Map<Integer, Double> T975 =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The lower end of the 95 % confidence interval of the mean. */
  public double ci95Low() {
    return mean - ci95HalfWidth();
  }

  /** The upper end of the 95 % confidence interval of the mean. */
  public double ci95High() {
    return mean + ci95HalfWidth();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%.2f ± %.2f tok/s (%d runs, %d repetitions, 95%% CI %.2f-%.2f)",
        mean,
        stddev,
        runs,
        repetitions,
        ci95Low(),
        ci95High());
  }
}
