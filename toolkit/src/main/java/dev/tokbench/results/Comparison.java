package dev.tokbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Two result sets side by side in the manner of llama.cpp's {@code scripts/compare-llama-bench.py}:
 * rows matched on a key, with {@code t/s baseline}, {@code t/s candidate} and {@code Speedup =
 * candidate ÷ baseline}. Rows without a partner are left out.
 *
 * <pre>{@code
 * Comparison.of("off", faOff, "on", faOn, Comparison.IGNORING_FLASH_ATTENTION).table()
 * }</pre>
 *
 * @param baselineName the baseline's name in headers
 * @param candidateName the candidate's name in headers
 * @param rows the matched pairs, in baseline order
 */
public record Comparison(String baselineName, String candidateName, List<Pair> rows) {
  /** Same framework, backend, model, quantization, flash attention, test and depth. */
  public static final Function<BenchResult, String> SAME_TEST =
      r ->
          String.join(
              "|",
              r.framework(),
              r.backend(),
              r.model(),
              r.quant(),
              r.flashAttn().label(),
              r.test(),
              "" + r.nDepth());

  /** As {@link #SAME_TEST} without flash attention: compares FA off with FA on. */
  public static final Function<BenchResult, String> IGNORING_FLASH_ATTENTION =
      r ->
          String.join(
              "|", r.framework(), r.backend(), r.model(), r.quant(), r.test(), "" + r.nDepth());

  /** Model, quantization, flash attention and test only: compares devices or frameworks. */
  public static final Function<BenchResult, String> SAME_MODEL_AND_TEST =
      r -> String.join("|", r.model(), r.quant(), r.flashAttn().label(), r.test(), "" + r.nDepth());

  public Comparison {
    rows = List.copyOf(rows);
  }

  /**
   * A baseline row and the candidate row with the same key.
   *
   * @param baseline the baseline measurement
   * @param candidate the candidate measurement
   */
  public record Pair(BenchResult baseline, BenchResult candidate) {
    /** candidate ÷ baseline tokens/s, e.g. 1.086 for FA's decode gain on the 1B Q6_K. */
    public double speedup() {
      return candidate.tokensPerSMean() / baseline.tokensPerSMean();
    }
  }

  /** Matches measured rows of {@code baseline} and {@code candidate} with the same key. */
  public static Comparison of(
      String baselineName,
      List<BenchResult> baseline,
      String candidateName,
      List<BenchResult> candidate,
      Function<BenchResult, String> key) {
    Map<String, BenchResult> byKey = new LinkedHashMap<>();
    for (BenchResult c : candidate) if (c.ok()) byKey.putIfAbsent(key.apply(c), c);
    List<Pair> pairs = new ArrayList<>();
    for (BenchResult b : baseline) {
      BenchResult c = b.ok() ? byKey.get(key.apply(b)) : null;
      if (c != null) pairs.add(new Pair(b, c));
    }
    return new Comparison(baselineName, candidateName, pairs);
  }

  /** The smallest and largest speedup; there must be at least one pair. */
  public Range speedupRange() {
    return Range.of(rows.stream().map(Pair::speedup).toList());
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Comparison[%s vs %s: %d pairs, speedup %s]",
        baselineName,
        candidateName,
        rows.size(),
        rows.isEmpty() ? "-" : speedupRange().toString());
  }
}
