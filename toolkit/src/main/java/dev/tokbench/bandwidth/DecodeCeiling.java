package dev.tokbench.bandwidth;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.gguf.ModelSummary;
import java.util.Locale;

/**
 * The upper bound on decode speed that memory bandwidth sets: each token reads the weights and the
 * KV cache up to the current depth, so tokens/s ≤ bandwidth ÷ bytes read per token.
 *
 * <pre>{@code
 * DecodeCeiling.of(Bandwidth.gbPerS(205), Bytes.gb(1.04)).tokensPerS(0)   // 197.1
 * }</pre>
 *
 * <p>From a GGUF file: {@code DecodeCeiling.of(Bandwidth.tbPerS(3.35),
 * Gguf.read(path).summary()).tokensPerS(4096)}.
 *
 * @param bandwidth the memory bandwidth (theoretical or practical)
 * @param weights bytes of weights read per token (the model size for dense models)
 * @param kvPerToken KV-cache bytes per token of context; zero to ignore the cache
 */
public record DecodeCeiling(Bandwidth bandwidth, Bytes weights, Bytes kvPerToken) {
  public DecodeCeiling {
    if (bandwidth == null || weights == null || kvPerToken == null) {
      throw new IllegalArgumentException("bandwidth, weights and KV bytes per token are needed");
    }
  }

  /** A ceiling that counts the weights only (depth 0, or a cache too small to matter). */
  public static DecodeCeiling of(Bandwidth bandwidth, Bytes weights) {
    return new DecodeCeiling(bandwidth, weights, new Bytes(0));
  }

  /**
   * The ceiling of a GGUF model: its tensor bytes (llama-bench's {@code model_size}) and its KV
   * cache in llama.cpp's default f16.
   */
  public static DecodeCeiling of(Bandwidth bandwidth, ModelSummary model) {
    return of(bandwidth, model, GgmlType.F16);
  }

  /** As {@link #of(Bandwidth, ModelSummary)} with the cache stored as {@code cacheType}. */
  public static DecodeCeiling of(Bandwidth bandwidth, ModelSummary model, GgmlType cacheType) {
    return new DecodeCeiling(
        bandwidth, new Bytes(model.tensorBytes()), new Bytes(model.kvBytesPerToken(cacheType)));
  }

  /** The same ceiling counting the KV cache read at each depth. */
  public DecodeCeiling withKvCache(KvCache cache) {
    return new DecodeCeiling(bandwidth, weights, cache.bytesPerToken());
  }

  /** Bytes read per decoded token at context depth {@code depth}: weights and cache. */
  public Bytes bytesPerToken(int depth) {
    if (depth < 0) throw new IllegalArgumentException("depth must be >= 0, got " + depth);
    return weights.plus(kvPerToken.times(depth));
  }

  /** The most tokens per second at context depth {@code depth}. */
  public double tokensPerS(int depth) {
    return bandwidth.tokensPerSCeiling(bytesPerToken(depth));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "DecodeCeiling[%s / %s = %.1f tok/s at depth 0]",
        bandwidth,
        weights,
        tokensPerS(0));
  }
}
