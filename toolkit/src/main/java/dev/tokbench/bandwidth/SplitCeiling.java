package dev.tokbench.bandwidth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decode ceiling of a model spread over several GPUs, from each GPU's bandwidth B_i and its
 * share s_i of the weights W (llama.cpp's {@code -ts}, normalised; equal shares when none given),
 * with the KV cache K read per token:
 *
 * <ul>
 *   <li>{@code none}: the main GPU alone: t = (W + K) / B_mg.
 *   <li>{@code layer}: each GPU reads its layers' weights and cache while the others wait, one GPU
 *       at a time: t = Σ_i s_i (W + K) / B_i. Equal GPUs give one GPU's ceiling, whatever their
 *       number; a slower GPU costs in proportion to its share.
 *   <li>{@code row}: every GPU reads its rows of every matrix at once, the cache stays on the main
 *       GPU, and the partial results are all-reduced: t = max_i (s_i W / B_i) + K / B_mg +
 *       all-reduce time. Shares in proportion to bandwidth give W / Σ B_i: the summed bandwidth,
 *       minus what the all-reduces cost.
 *   <li>{@code tensor}: as {@code row}, the cache split with the weights: t = max_i (s_i (W + K) /
 *       B_i) + all-reduce time.
 * </ul>
 *
 * Tokens per second ≤ 1 / t. Activations copied between layers' GPUs (a few KiB a token) are left
 * out of {@code layer}.
 *
 * @param mode how the model is spread
 * @param gpus each GPU's bandwidth, in llama.cpp's device order
 * @param shares each GPU's share of the weights, summing to 1 (for {@code none}: 1 on the main GPU)
 * @param mainGpu the GPU that holds the cache under {@code row} and everything under {@code none}
 * @param allReduce what a {@code row} split exchanges per token
 */
public record SplitCeiling(
    SplitMode mode, List<Bandwidth> gpus, List<Double> shares, int mainGpu, AllReduce allReduce) {
  public SplitCeiling {
    gpus = List.copyOf(gpus);
    shares = List.copyOf(shares);
    if (gpus.isEmpty()) throw new IllegalArgumentException("a split needs at least one GPU");
    if (shares.size() != gpus.size())
      throw new IllegalArgumentException(gpus.size() + " GPUs but " + shares.size() + " shares");
    if (mainGpu < 0 || mainGpu >= gpus.size())
      throw new IllegalArgumentException("main GPU " + mainGpu + " of " + gpus.size());
    if (gpus.stream().anyMatch(b -> b.bytesPerS() == 0))
      throw new IllegalArgumentException("every GPU needs a bandwidth > 0");
  }

  /** The main GPU alone ({@code -sm none -mg mainGpu}). */
  public static SplitCeiling none(List<Bandwidth> gpus, int mainGpu) {
    List<Double> s = new ArrayList<>();
    for (int i = 0; i < gpus.size(); i++) s.add(i == mainGpu ? 1.0 : 0.0);
    return new SplitCeiling(SplitMode.NONE, gpus, s, mainGpu, AllReduce.NONE);
  }

  /** Layers spread by {@code tensorSplit} ({@code -ts 3/1}: 3 and 1; none: equal). */
  public static SplitCeiling layer(List<Bandwidth> gpus, double... tensorSplit) {
    return new SplitCeiling(SplitMode.LAYER, gpus, shares(gpus, tensorSplit), 0, AllReduce.NONE);
  }

  /** Rows spread by {@code tensorSplit}, exchanging {@code allReduce} per token. */
  public static SplitCeiling row(List<Bandwidth> gpus, AllReduce allReduce, double... tensorSplit) {
    return new SplitCeiling(SplitMode.ROW, gpus, shares(gpus, tensorSplit), 0, allReduce);
  }

  /** Weights and cache spread by {@code tensorSplit}, exchanging {@code allReduce} per token. */
  public static SplitCeiling tensor(
      List<Bandwidth> gpus, AllReduce allReduce, double... tensorSplit) {
    return new SplitCeiling(SplitMode.TENSOR, gpus, shares(gpus, tensorSplit), 0, allReduce);
  }

  /** GPUs with a share of the weights: those that take part. */
  public int gpusUsed() {
    return (int) shares.stream().filter(s -> s > 0).count();
  }

  /** Seconds per token when each reads {@code weights} and {@code kv} (the cache to its depth). */
  public double secondsPerToken(Bytes weights, Bytes kv) {
    double w = weights.bytes();
    double k = kv.bytes();
    double main = gpus.get(mainGpu).bytesPerS();
    return switch (mode) {
      case NONE -> (w + k) / main;
      case LAYER -> sum(i -> shares.get(i) * (w + k) / gpus.get(i).bytesPerS());
      case ROW ->
          max(i -> shares.get(i) * w / gpus.get(i).bytesPerS())
              + k / main
              + allReduce.secondsPerToken(gpusUsed());
      case TENSOR ->
          max(i -> shares.get(i) * (w + k) / gpus.get(i).bytesPerS())
              + allReduce.secondsPerToken(gpusUsed());
    };
  }

  /**
   * The ceiling on tokens per second of {@code single}'s model at {@code depth}: its bytes, read at
   * these GPUs' bandwidths (its own bandwidth is not used).
   */
  public double tokensPerS(DecodeCeiling single, int depth) {
    return 1 / secondsPerToken(single.weights(), single.kvPerToken().times(depth));
  }

  /** The one bandwidth that would give this ceiling for {@code single}'s bytes at {@code depth}. */
  public Bandwidth effective(DecodeCeiling single, int depth) {
    return Bandwidth.effective(single.bytesPerToken(depth), tokensPerS(single, depth));
  }

  private static List<Double> shares(List<Bandwidth> gpus, double[] split) {
    if (gpus.isEmpty()) throw new IllegalArgumentException("a split needs at least one GPU");
    if (split.length > gpus.size())
      throw new IllegalArgumentException(split.length + " tensor-split values for " + gpus.size());
    double[] s = new double[gpus.size()];
    double total = 0;
    for (int i = 0; i < s.length; i++) {
      s[i] = split.length == 0 ? 1 : i < split.length ? split[i] : 0;
      if (!(s[i] >= 0) || Double.isInfinite(s[i]))
        throw new IllegalArgumentException("tensor-split values must be >= 0, got " + s[i]);
      total += s[i];
    }
    if (total == 0) throw new IllegalArgumentException("a tensor split of all zeros");
    List<Double> out = new ArrayList<>();
    for (double v : s) out.add(v / total);
    return out;
  }

  private double sum(java.util.function.IntToDoubleFunction f) {
    double t = 0;
    for (int i = 0; i < gpus.size(); i++) t += f.applyAsDouble(i);
    return t;
  }

  private double max(java.util.function.IntToDoubleFunction f) {
    double t = 0;
    for (int i = 0; i < gpus.size(); i++) t = Math.max(t, f.applyAsDouble(i));
    return t;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SplitCeiling[%s over %d GPUs]", mode, gpusUsed());
  }
}
