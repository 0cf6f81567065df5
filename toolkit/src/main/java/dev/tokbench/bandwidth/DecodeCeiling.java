package dev.tokbench.bandwidth;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The upper bound on decode speed that memory bandwidth sets: each token reads the weights and the
 * KV cache up to the current depth, so tokens/s ≤ bandwidth ÷ bytes read per token.
 *
 * <pre>{@code
 * DecodeCeiling.of(Bandwidth.gbPerS(205), Bytes.gb(1.04)).tokensPerS(0)   // 197.1
 * }</pre>
 *
 * @param bandwidth the memory bandwidth (theoretical or practical)
 * @param weights bytes of weights read per token (the model size for dense models)
 * @param kvCache the KV-cache shape, or null to ignore the cache
 */
public record DecodeCeiling(Bandwidth bandwidth, Bytes weights, KvCache kvCache) {
  public DecodeCeiling {
    if (bandwidth == null || weights == null) {
      throw new IllegalArgumentException("bandwidth and weights are needed");
    }
  }

  /** A ceiling that counts the weights only (depth 0, or a cache too small to matter). */
  public static DecodeCeiling of(Bandwidth bandwidth, Bytes weights) {
    return new DecodeCeiling(bandwidth, weights, null);
  }

  /** The same ceiling counting the KV cache read at each depth. */
  public DecodeCeiling withKvCache(KvCache cache) {
    return new DecodeCeiling(bandwidth, weights, cache);
  }

  /** Bytes read per decoded token at context depth {@code depth}. */
  public Bytes bytesPerToken(int depth) {
    return kvCache == null ? weights : kvCache.bytesReadPerToken(weights, depth);
  }

  /** The most tokens per second at context depth {@code depth}. */
  public double tokensPerS(int depth) {
    return bandwidth.tokensPerSCeiling(bytesPerToken(depth));
  }

  /** Columns {@code depth}, {@code bytes_per_token_gb}, {@code ceiling_tokens_per_s}. */
  public Table table(List<Integer> depths) {
    IntColumn d = IntColumn.create("depth");
    DoubleColumn bytes = DoubleColumn.create("bytes_per_token_gb");
    DoubleColumn ceiling = DoubleColumn.create("ceiling_tokens_per_s");
    for (int depth : depths) {
      d.append(depth);
      bytes.append(bytesPerToken(depth).in(ByteUnit.GB));
      ceiling.append(tokensPerS(depth));
    }
    return Table.create("decode ceiling at " + bandwidth, d, bytes, ceiling);
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
