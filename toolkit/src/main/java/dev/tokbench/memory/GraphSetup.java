package dev.tokbench.memory;

import dev.tokbench.gguf.GgmlType;

/**
 * Everything a graph build needs, fixed for one estimate: the model, where its weights and caches
 * are, the context and the backends.
 */
record GraphSetup(
    ModelLayout model,
    ModelWeights weights,
    KvCache cache,
    ContextParams context,
    MemoryOptions options,
    LayerPlacement placement,
    Buffers buffers) {

  /**
   * {@code attn_rot_k}: a quantized K cache is stored Hadamard-rotated; the rotation is the largest
   * power of two from 64 that divides the head size (llama_kv_cache::build_input_k_rot). 0 when
   * off.
   */
  int rotationK() {
    if (!options.cacheK().isQuantized() || model.headDimK() % 64 != 0) return 0;
    int n = 64;
    while (model.headDimK() % (n * 2L) == 0) n *= 2;
    return n;
  }

  /** {@code attn_rot_v}: always a 64-wide rotation for a quantized V cache. */
  int rotationV() {
    return options.cacheV().isQuantized() && model.headDimV() % 64 == 0 ? 64 : 0;
  }

  GgmlType maskType() {
    return options.flashAttention() ? GgmlType.F16 : GgmlType.F32;
  }

  /** qwen3 normalises each head of Q and K (attn_q_norm, attn_k_norm) before RoPE. */
  boolean qkNorm() {
    return weights.layer(0, "attn_q_norm") != null;
  }
}
