package dev.tokbench.bandwidth;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.gguf.ModelSummary;
import java.util.Locale;

/**
 * The shape of a transformer's KV cache, enough to know how many bytes one token of context
 * occupies. Every decoded token reads the whole cache up to the current depth, so at depth {@code
 * d} a token reads {@code weights + d × bytesPerToken()}.
 *
 * <p>Per token and layer llama.cpp stores {@code n_embd_k_gqa = n_head_kv × head_dim_k} elements of
 * K in {@code type_k} and as many of V in {@code type_v} ({@code llama_kv_cache} in
 * llama-kv-cache.cpp).
 *
 * @param layers transformer blocks ({@code block_count})
 * @param kvHeads key/value heads ({@code attention.head_count_kv})
 * @param headDimK elements per K head ({@code attention.key_length})
 * @param headDimV elements per V head ({@code attention.value_length})
 * @param typeK cache type of K (llama.cpp {@code -ctk}, default f16)
 * @param typeV cache type of V (llama.cpp {@code -ctv}, default f16)
 */
public record KvCache(
    int layers, int kvHeads, int headDimK, int headDimV, GgmlType typeK, GgmlType typeV) {
  public KvCache {
    if (layers <= 0 || kvHeads <= 0 || headDimK <= 0 || headDimV <= 0) {
      throw new IllegalArgumentException(
          "layers, KV heads and head dims must be > 0, got "
              + layers
              + ", "
              + kvHeads
              + ", "
              + headDimK
              + ", "
              + headDimV);
    }
    if (typeK == null || typeV == null) throw new IllegalArgumentException("cache types needed");
  }

  /** Equal K and V head dims and one cache type, the common case. */
  public static KvCache of(int layers, int kvHeads, int headDim, GgmlType type) {
    return new KvCache(layers, kvHeads, headDim, headDim, type, type);
  }

  /**
   * The cache shape of a GGUF model ({@code Gguf.read(path).summary()}): block count, KV heads and
   * key/value lengths. Files with a different KV-head count per layer need {@link
   * ModelSummary#kvBytesPerToken(GgmlType)} instead, which {@link DecodeCeiling#of(Bandwidth,
   * ModelSummary, GgmlType)} uses.
   */
  public static KvCache of(ModelSummary model, GgmlType cacheType) {
    return new KvCache(
        Math.toIntExact(model.blockCount()),
        Math.toIntExact(model.headCountKv()),
        Math.toIntExact(model.keyLength()),
        Math.toIntExact(model.valueLength()),
        cacheType,
        cacheType);
  }

  /**
   * A cache type as llama.cpp spells it on the command line and in llama-bench output: {@code f16},
   * {@code bf16}, {@code q8_0}, {@code q4_0} …
   */
  public static GgmlType cacheType(String name) {
    try {
      return GgmlType.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UnknownUnitException(name, "a ggml type such as f16, bf16, q8_0, q4_0");
    }
  }

  /** Bytes of K and V that one token of context occupies, over all layers. */
  public Bytes bytesPerToken() {
    long k = typeK.bytesFor((long) kvHeads * headDimK);
    long v = typeV.bytesFor((long) kvHeads * headDimV);
    return new Bytes((double) layers * (k + v));
  }

  /** Bytes one decoded token reads at context depth {@code depth}: the weights and the cache. */
  public Bytes bytesReadPerToken(Bytes weights, int depth) {
    if (depth < 0) throw new IllegalArgumentException("depth must be >= 0, got " + depth);
    return weights.plus(bytesPerToken().times(depth));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "KvCache[%d layers × %d KV heads × %d/%d dims, %s/%s: %.0f bytes/token]",
        layers,
        kvHeads,
        headDimK,
        headDimV,
        typeK,
        typeV,
        bytesPerToken().bytes());
  }
}
