package dev.tokbench.bandwidth;

/**
 * Prompt processing is compute-bound: a forward pass costs about two floating-point operations (one
 * multiply, one add) per parameter per token, ignoring attention's share, which is small at short
 * contexts (Kaplan et al. 2020, "Scaling Laws for Neural Language Models", §2.1: C_forward ≈ 2N).
 */
public final class Prefill {
  private Prefill() {}

  /** FLOPs to process one prompt token: {@code 2 × parameters}. */
  public static double flopsPerToken(long parameters) {
    if (parameters <= 0) throw new IllegalArgumentException("parameters must be > 0");
    return 2.0 * parameters;
  }

  /** Percentage of {@code peakTflops} that {@code tokensPerS} prompt tokens per second use. */
  public static double utilisationPercent(double tokensPerS, long parameters, double peakTflops) {
    if (!(peakTflops > 0)) throw new IllegalArgumentException("peak TFLOPS must be > 0");
    return 100.0 * tokensPerS * flopsPerToken(parameters) / (peakTflops * 1e12);
  }
}
