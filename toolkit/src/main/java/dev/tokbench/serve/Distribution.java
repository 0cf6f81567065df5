package dev.tokbench.serve;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Summary statistics of one latency, in milliseconds, computed as {@code vllm bench serve} computes
 * them with numpy: {@code np.mean}, {@code np.std} (population, ddof 0) and {@code np.percentile}
 * with its default linear interpolation between closest ranks. Unlike vLLM, which reports 0 for an
 * empty list ({@code np.mean(x or 0)}), an empty distribution is NaN everywhere (JSON null).
 *
 * @param count how many values
 * @param mean the mean
 * @param std the population standard deviation
 * @param min the smallest
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param max the largest
 */
public record Distribution(
    int count,
    double mean,
    double std,
    double min,
    double p50,
    double p90,
    double p99,
    double max) {

  /** No values. */
  public static final Distribution EMPTY =
      new Distribution(
          0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The statistics of {@code values}; NaN values are left out. */
  public static Distribution of(Collection<Double> values) {
    double[] v =
        values.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).toArray();
    if (v.length == 0) return EMPTY;
    Arrays.sort(v);
    double mean = Arrays.stream(v).sum() / v.length;
    double squares = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
    return new Distribution(
        v.length,
        mean,
        Math.sqrt(squares / v.length),
        v[0],
        percentile(v, 50),
        percentile(v, 90),
        percentile(v, 99),
        v[v.length - 1]);
  }

  /**
   * numpy's default ({@code method="linear"}) percentile of sorted values: the value at rank {@code
   * p/100 * (n-1)}, interpolated between its neighbours.
   */
  public static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    double rank = p / 100 * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
  }

  @Override
  public String toString() {
    return count == 0
        ? "none"
        : String.format(
            Locale.ROOT,
            "mean %.2f p50 %.2f p90 %.2f p99 %.2f ms (n=%d)",
            mean,
            p50,
            p90,
            p99,
            count);
  }
}
