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
 * Ratios.quantization(rows, "Q6_K", "Q4_K_M").rows()
 * }</pre>
 */
public final class Ratios {
  private Ratios() {}

  /**
   * FA on ÷ FA off for every configuration measured both ways: pairs equal in every other setting
   * ({@link Settings}: device, threads, depth …), so that no pair mixes two machines.
   */
  public static Comparison flashAttention(List<BenchResult> rows) {
    return Comparison.of(
        "FA off",
        only(rows, r -> r.flashAttn() == FlashAttention.OFF),
        "FA on",
        only(rows, r -> r.flashAttn() == FlashAttention.ON),
        allBut("flash_attn"));
  }

  /** {@code to} ÷ {@code from} quantization of the same model under every other same setting. */
  public static Comparison quantization(List<BenchResult> rows, String from, String to) {
    return split(rows, BenchResult::quant, from, to, allBut("quant"));
  }

  /**
   * {@code candidate} ÷ {@code baseline} framework on decode of the same model and quantization.
   * Frameworks name their decode tests differently ({@code tg128}, tinygrad's {@code tg20}), so
   * each baseline decode row pairs with the candidate's first decode row of that model (for
   * llama.cpp, FA off, the order llama-bench runs them in).
   */
  public static Comparison frameworks(List<BenchResult> rows, String baseline, String candidate) {
    Function<BenchResult, String> key = r -> r.model() + "|" + r.quant() + "|" + r.device();
    List<BenchResult> decode = only(rows, Ratios::decode);
    return split(decode, BenchResult::framework, baseline, candidate, key);
  }

  /**
   * {@code candidate} ÷ {@code baseline} model under every other same setting: with the larger
   * model as baseline, how many times faster the smaller one runs.
   */
  public static Comparison models(List<BenchResult> rows, String baseline, String candidate) {
    return split(rows, BenchResult::model, baseline, candidate, allBut("model"));
  }

  /**
   * The rows whose {@code attribute} is {@code candidate} against those where it is the baseline.
   */
  private static Comparison split(
      List<BenchResult> rows,
      Function<BenchResult, String> attribute,
      String baseline,
      String candidate,
      Function<BenchResult, ?> key) {
    return Comparison.of(
        baseline,
        only(rows, r -> attribute.apply(r).equals(baseline)),
        candidate,
        only(rows, r -> attribute.apply(r).equals(candidate)),
        key);
  }

  /** Pairs rows equal in every setting but {@code setting}. */
  private static Function<BenchResult, Settings> allBut(String setting) {
    java.util.Set<String> left = java.util.Set.of(setting);
    return r -> Settings.of(r).without(left);
  }

  private static boolean decode(BenchResult r) {
    return r.ok() && r.nDepth() == 0 && (r.test().startsWith("tg") || r.test().equals("decode"));
  }

  private static List<BenchResult> only(
      List<BenchResult> rows, java.util.function.Predicate<BenchResult> p) {
    return rows.stream().filter(p).toList();
  }
}
