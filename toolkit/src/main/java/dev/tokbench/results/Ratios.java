package dev.tokbench.results;

import java.util.List;
import java.util.function.Function;

/**
 * The ratios a benchmark report argues with, each a {@link Comparison} of matched rows (candidate ÷
 * baseline): flash attention's gain, a quantization's gain, the gap between two frameworks, and the
 * slowdown from a smaller model to a larger one.
 *
 * <pre>{@code
 * Ratios.flashAttention(rows).speedupRange()          // 1.08-1.30 on the Orin
 * Ratios.quantization(rows, "Q6_K", "Q4_K_M").table()
 * }</pre>
 */
public final class Ratios {
  private Ratios() {}

  /** FA on ÷ FA off for every configuration measured both ways. */
  public static Comparison flashAttention(List<BenchResult> rows) {
    return Comparison.of(
        "FA off",
        only(rows, r -> r.flashAttn() == FlashAttention.OFF),
        "FA on",
        only(rows, r -> r.flashAttn() == FlashAttention.ON),
        Comparison.IGNORING_FLASH_ATTENTION);
  }

  /** {@code to} ÷ {@code from} quantization of the same model, framework, backend, FA and test. */
  public static Comparison quantization(List<BenchResult> rows, String from, String to) {
    Function<BenchResult, String> key =
        r ->
            String.join(
                "|", r.framework(), r.backend(), r.model(), r.flashAttn().label(), r.test());
    return Comparison.of(
        from,
        only(rows, r -> r.quant().equals(from)),
        to,
        only(rows, r -> r.quant().equals(to)),
        key);
  }

  /**
   * {@code candidate} ÷ {@code baseline} framework on decode of the same model and quantization.
   * Frameworks name their decode tests differently ({@code tg128}, tinygrad's {@code tg20}), so
   * each baseline decode row pairs with the candidate's first decode row of that model (for
   * llama.cpp, FA off, the order llama-bench runs them in).
   */
  public static Comparison frameworks(List<BenchResult> rows, String baseline, String candidate) {
    Function<BenchResult, String> key = r -> r.model() + "|" + r.quant();
    List<BenchResult> decode = only(rows, Ratios::decode);
    return Comparison.of(
        baseline,
        only(decode, r -> r.framework().equals(baseline)),
        candidate,
        only(decode, r -> r.framework().equals(candidate)),
        key);
  }

  /**
   * {@code candidate} ÷ {@code baseline} model at the same framework, backend, quantization, FA and
   * test: with the larger model as baseline, how many times faster the smaller one runs.
   */
  public static Comparison models(List<BenchResult> rows, String baseline, String candidate) {
    Function<BenchResult, String> key =
        r ->
            String.join(
                "|", r.framework(), r.backend(), r.quant(), r.flashAttn().label(), r.test());
    return Comparison.of(
        baseline,
        only(rows, r -> r.model().equals(baseline)),
        candidate,
        only(rows, r -> r.model().equals(candidate)),
        key);
  }

  private static boolean decode(BenchResult r) {
    return r.ok() && r.nDepth() == 0 && (r.test().startsWith("tg") || r.test().equals("decode"));
  }

  private static List<BenchResult> only(
      List<BenchResult> rows, java.util.function.Predicate<BenchResult> p) {
    return rows.stream().filter(p).toList();
  }
}
