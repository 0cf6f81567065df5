package dev.tokbench.gguf;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A GGUF model at a glance, as llama-bench and llama.cpp's loader see it. Shape fields read {@code
 * <architecture>.<key>} metadata and are 0 when the file does not have them (a vocabulary-only file
 * has no block count).
 *
 * @param path the file (the first shard of a split model)
 * @param version GGUF version
 * @param architecture {@code general.architecture}, e.g. {@code llama}; empty when absent
 * @param name {@code general.name}; empty when absent
 * @param fileType {@code general.file_type} as llama-quantize names it ({@code Q4_K_M}); {@code
 *     (guessed)} appended when llama.cpp would guess it from the tensor types; empty for no tensors
 * @param fileTypeDescription as llama-bench prints it in {@code model_type} ({@code Q4_K - Medium})
 * @param nParams elements of all tensors: llama-bench's {@code model_n_params}
 * @param tensorBytes bytes of all tensor data: llama-bench's {@code model_size}
 * @param fileBytes bytes on disk, all shards together
 * @param nTensors tensor infos, all shards together
 * @param nKv metadata keys (of the first shard)
 * @param contextLength {@code context_length}: the trained context
 * @param blockCount {@code block_count}: layers
 * @param embeddingLength {@code embedding_length}
 * @param feedForwardLength {@code feed_forward_length} (the largest, if given per layer)
 * @param headCount {@code attention.head_count} (the largest, if per layer)
 * @param headCountKv {@code attention.head_count_kv}, else the head count (the largest, if per
 *     layer)
 * @param keyLength {@code attention.key_length}, else embedding length / head count
 * @param valueLength {@code attention.value_length}, else the key length
 * @param vocabSize tokens in {@code tokenizer.ggml.tokens}, else {@code vocab_size}
 * @param tokenizerModel {@code tokenizer.ggml.model}, e.g. {@code gpt2}, {@code llama}
 * @param tiedEmbeddings true when there is a {@code token_embd.weight} but no {@code
 *     output.weight}, so the output projection reuses the embeddings
 * @param splitCount shards ({@code split.count}), 1 for a single file
 * @param types one entry per ggml type, most bytes first
 * @param kvHeadsByLayer KV heads of each layer when the file gives them per layer; else empty
 */
public record ModelSummary(
    Path path,
    int version,
    String architecture,
    String name,
    String fileType,
    String fileTypeDescription,
    long nParams,
    long tensorBytes,
    long fileBytes,
    int nTensors,
    int nKv,
    long contextLength,
    long blockCount,
    long embeddingLength,
    long feedForwardLength,
    long headCount,
    long headCountKv,
    long keyLength,
    long valueLength,
    long vocabSize,
    String tokenizerModel,
    boolean tiedEmbeddings,
    int splitCount,
    List<TypeStats> types,
    List<Long> kvHeadsByLayer) {

  public ModelSummary {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fileType, "fileType");
    Objects.requireNonNull(fileTypeDescription, "fileTypeDescription");
    Objects.requireNonNull(tokenizerModel, "tokenizerModel");
    types = List.copyOf(types);
    kvHeadsByLayer = List.copyOf(kvHeadsByLayer);
    if (nParams < 0 || tensorBytes < 0 || fileBytes < 0 || splitCount < 1) {
      throw new IllegalArgumentException("negative size or no shards in summary of " + path);
    }
  }

  /** Summarises one file, or the shards of a split model in order. */
  public static ModelSummary of(List<GgufFile> shards) {
    return Summarizer.summarize(shards);
  }

  /** Average bits per weight over all tensors: {@code tensorBytes * 8 / nParams}. */
  public double bitsPerWeight() {
    return nParams == 0 ? 0 : tensorBytes * 8.0 / nParams;
  }

  /** The attention head dimension: the key length. */
  public long headDim() {
    return keyLength;
  }

  /** KV-cache bytes per token of context with an f16 cache (llama.cpp's default). */
  public long kvBytesPerToken() {
    return kvBytesPerToken(GgmlType.F16);
  }

  /**
   * KV-cache bytes per token of context with keys and values stored as {@code cacheType} ({@code
   * -ctk}/{@code -ctv} in llama.cpp): per layer, one K row of {@code headCountKv * keyLength} and
   * one V row of {@code headCountKv * valueLength} elements. Standard attention only: MLA, sliding
   * windows and recurrent state are not modelled.
   */
  public long kvBytesPerToken(GgmlType cacheType) {
    if (kvHeadsByLayer.isEmpty())
      return Math.multiplyExact(blockCount, layerKv(cacheType, headCountKv));
    long total = 0;
    for (long heads : kvHeadsByLayer) total = Math.addExact(total, layerKv(cacheType, heads));
    return total;
  }

  private long layerKv(GgmlType cacheType, long heads) {
    return Math.addExact(
        rowBytes(cacheType, Math.multiplyExact(heads, keyLength)),
        rowBytes(cacheType, Math.multiplyExact(heads, valueLength)));
  }

  /** Bytes of a row of {@code n} elements, rounding a partial block up. */
  private static long rowBytes(GgmlType t, long n) {
    long blocks = (n + t.blockSize() - 1) / t.blockSize();
    return Math.multiplyExact(blocks, (long) t.typeSize());
  }

  /**
   * The KV cache for {@code contextTokens} tokens of context: bytes a decode step reads at depth.
   */
  public long kvCacheBytes(GgmlType cacheType, long contextTokens) {
    if (contextTokens < 0) throw new IllegalArgumentException("negative context " + contextTokens);
    return Math.multiplyExact(kvBytesPerToken(cacheType), contextTokens);
  }

  /** The KV cache at the model's trained context length with an f16 cache. */
  public long kvCacheBytes() {
    return kvCacheBytes(GgmlType.F16, contextLength);
  }

  @Override
  public String toString() {
    return String.format(
        "%s %s %s: %,d params, %,d tensor bytes (%.2f bpw), %d layers, embd %d, ctx %d, vocab %d",
        architecture.isEmpty() ? "?" : architecture,
        name.isEmpty() ? path.getFileName() : name,
        fileType.isEmpty() ? "-" : fileType,
        nParams,
        tensorBytes,
        bitsPerWeight(),
        blockCount,
        embeddingLength,
        contextLength,
        vocabSize);
  }
}
