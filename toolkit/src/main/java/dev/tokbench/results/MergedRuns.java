package dev.tokbench.results;

import java.util.List;

/**
 * The runs of one configuration merged: their common {@link Settings}, the rows in the order they
 * were read, and their repetitions pooled.
 *
 * @param settings what every run of it measured under
 * @param runs the rows, each one run
 * @param pooled their repetitions pooled
 */
public record MergedRuns(Settings settings, List<BenchResult> runs, Pooled pooled) {
  public MergedRuns {
    runs = List.copyOf(runs);
    if (runs.isEmpty()) throw new IllegalArgumentException("a configuration needs a run");
  }

  /** The runs of one configuration, pooled. */
  public static MergedRuns of(Settings settings, List<BenchResult> runs) {
    return new MergedRuns(settings, runs, Pooled.of(runs));
  }

  /** The first run, standing for the configuration where one row's fields are wanted. */
  public BenchResult first() {
    return runs.get(0);
  }

  /**
   * The configuration as one row, for tables and comparisons that take rows: the run itself when
   * there is one, else the first run with the pooled mean and standard deviation, every sample in
   * run order, and {@code merged_runs} in provenance.
   */
  public BenchResult asRow() {
    if (runs.size() == 1) return runs.get(0);
    List<Double> samples = new java.util.ArrayList<>();
    runs.forEach(r -> samples.addAll(r.samples()));
    return first().toBuilder()
        .tokensPerS(pooled.mean(), pooled.stddev(), samples)
        .build()
        .withProvenance(java.util.Map.of("merged_runs", Integer.toString(runs.size())));
  }

  /** The pooled mean, tokens per second. */
  public double mean() {
    return pooled.mean();
  }

  @Override
  public String toString() {
    return settings + ": " + pooled;
  }
}
