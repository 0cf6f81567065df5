package dev.tokbench.memory;

import dev.tokbench.Records;
import dev.tokbench.gguf.GgmlType;
import java.util.Objects;

/**
 * The llama.cpp settings that decide memory, with llama.cpp's defaults ({@link #defaults()}) and a
 * {@code with…} copy for each. Checked on construction as llama.cpp checks them.
 *
 * @param context {@code -c}: context length in tokens, 0 for the model's trained context
 * @param cacheK {@code -ctk}: the K cache type
 * @param cacheV {@code -ctv}: the V cache type
 * @param flashAttention {@code -fa}: on, as llama.cpp's {@code auto} resolves on a CUDA GPU
 * @param parallel {@code -np}: sequences decoded in parallel ({@code n_seq_max})
 * @param batch {@code -b}: logical batch
 * @param ubatch {@code -ub}: physical batch, the prompt graph's tokens
 * @param gpuLayers {@code -ngl}: layers on the GPU counting the output layer as one, as llama.cpp
 *     does ({@code n_layer + 1} is everything); {@link #ALL_LAYERS} for all
 * @param kvUnified {@code -kvu}: one KV stream shared by all sequences
 */
public record MemoryOptions(
    int context,
    GgmlType cacheK,
    GgmlType cacheV,
    boolean flashAttention,
    int parallel,
    int batch,
    int ubatch,
    int gpuLayers,
    boolean kvUnified) {
  /** {@code -ngl -1}: every layer. */
  public static final int ALL_LAYERS = -1;

  /** 16M tokens: beyond any model's context, small enough that no size overflows. */
  public static final int MAX_CONTEXT = 1 << 24;

  /** The largest batch considered. */
  public static final int MAX_BATCH = 1 << 20;

  /** {@code LLAMA_MAX_SEQ}. */
  public static final int MAX_SEQUENCES = 256;

  public MemoryOptions {
    Objects.requireNonNull(cacheK, "cacheK");
    Objects.requireNonNull(cacheV, "cacheV");
    check(
        context >= 0 && context <= MAX_CONTEXT,
        "--ctx must be 0 (the model's) to " + MAX_CONTEXT + ", got " + context);
    check(CacheType.ALL.contains(cacheK), "cache type " + cacheK + " is not a llama.cpp KV type");
    check(CacheType.ALL.contains(cacheV), "cache type " + cacheV + " is not a llama.cpp KV type");
    check(
        parallel >= 1 && parallel <= MAX_SEQUENCES,
        "--parallel must be 1.." + MAX_SEQUENCES + ", got " + parallel);
    check(batch >= 1 && batch <= MAX_BATCH, "--batch must be 1.." + MAX_BATCH + ", got " + batch);
    check(
        ubatch >= 1 && ubatch <= MAX_BATCH, "--ubatch must be 1.." + MAX_BATCH + ", got " + ubatch);
    check(gpuLayers >= ALL_LAYERS, "--ngl must be >= 0 (or -1 for all), got " + gpuLayers);
    check(
        flashAttention || !cacheV.isQuantized(),
        "a quantized V cache ("
            + CacheType.name(cacheV)
            + ") needs flash attention (--fa on), "
            + "as llama.cpp says");
  }

  private static void check(boolean ok, String message) {
    if (!ok) throw new MemoryOptionException(message);
  }

  /**
   * llama-cli's defaults: trained context, f16 caches, flash attention, -b 2048 -ub 512, all
   * layers.
   */
  public static MemoryOptions defaults() {
    return new MemoryOptions(0, GgmlType.F16, GgmlType.F16, true, 1, 2048, 512, ALL_LAYERS, false);
  }

  public MemoryOptions withContext(int v) {
    return Records.with(this, MemoryOptions::context, v);
  }

  public MemoryOptions withCacheTypes(GgmlType k, GgmlType v) {
    return Records.with(Records.with(this, MemoryOptions::cacheK, k), MemoryOptions::cacheV, v);
  }

  public MemoryOptions withFlashAttention(boolean v) {
    return Records.with(this, MemoryOptions::flashAttention, v);
  }

  public MemoryOptions withParallel(int v) {
    return Records.with(this, MemoryOptions::parallel, v);
  }

  public MemoryOptions withBatch(int b, int ub) {
    return Records.with(Records.with(this, MemoryOptions::batch, b), MemoryOptions::ubatch, ub);
  }

  public MemoryOptions withGpuLayers(int v) {
    return Records.with(this, MemoryOptions::gpuLayers, v);
  }

  public MemoryOptions withKvUnified(boolean v) {
    return Records.with(this, MemoryOptions::kvUnified, v);
  }

  /**
   * As llama.cpp's flags: {@code -c 4096 -ctk q8_0 -ctv q8_0 -fa on -np 1 -b 2048 -ub 512 -ngl 99}.
   */
  @Override
  public String toString() {
    return "-c "
        + context
        + " -ctk "
        + CacheType.name(cacheK)
        + " -ctv "
        + CacheType.name(cacheV)
        + " -fa "
        + (flashAttention ? "on" : "off")
        + " -np "
        + parallel
        + " -b "
        + batch
        + " -ub "
        + ubatch
        + " -ngl "
        + (gpuLayers == ALL_LAYERS ? "all" : String.valueOf(gpuLayers))
        + (kvUnified ? " -kvu" : "");
  }
}
