package dev.tokbench.formats.vllm;

/**
 * The shape of a {@code vllm bench latency} run: prompt and output tokens per sequence and
 * sequences per batch. Its {@code --output-json} does not record them, so they must be known to
 * read it; {@link #DEFAULT} is vLLM's own default (input 32, output 128, batch 8).
 *
 * @param inputLen prompt tokens per sequence
 * @param outputLen generated tokens per sequence
 * @param batchSize sequences per batch
 */
public record LatencyShape(int inputLen, int outputLen, int batchSize) {
  public static final LatencyShape DEFAULT = new LatencyShape(32, 128, 8);

  public LatencyShape {
    if (inputLen < 0 || outputLen <= 0 || batchSize <= 0) {
      throw new IllegalArgumentException(
          "bad latency shape " + inputLen + "/" + outputLen + "/" + batchSize);
    }
  }
}
