package dev.tokbench.formats.tinygrad;

/**
 * One generated token's timing as tinygrad's {@code examples/llama3.py --benchmark} printed it:
 * {@code enqueue in {ms:6.2f} ms} then {@code total {ms:6.2f} ms, {tok/s:.2f} tok/s, {GB/s:.2f}
 * GB/s, param {GB/s:.2f} GB/s}. Under {@code DEBUG>=2} the enqueue line also has the GPU time.
 *
 * @param enqueueMs time to enqueue the token's kernels, NaN if no enqueue line preceded it
 * @param totalMs wall time for the token
 * @param tokensPerS as printed (1e9 / total ns)
 * @param gbPerS memory traffic as tinygrad counted it (GlobalCounters.global_mem)
 * @param paramGbPerS in-memory parameter bytes over the token time (dequantized weights)
 * @param gpuMs time on the GPU ({@code DEBUG>=2} only), else NaN
 */
public record TinygradToken(
    double enqueueMs,
    double totalMs,
    double tokensPerS,
    double gbPerS,
    double paramGbPerS,
    double gpuMs) {
  public TinygradToken {
    if (!(totalMs > 0) || !(tokensPerS > 0)) {
      throw new IllegalArgumentException(
          "a token needs a positive time and rate, got "
              + totalMs
              + " ms, "
              + tokensPerS
              + " tok/s");
    }
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%.2f tok/s (%.2f ms)", tokensPerS, totalMs);
  }
}
