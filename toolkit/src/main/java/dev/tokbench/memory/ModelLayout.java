package dev.tokbench.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What decides a model's memory in llama.cpp: its hyper-parameters and every tensor with its type
 * and file offset. Read from a GGUF header ({@link Memory#of(dev.tokbench.gguf.GgufFile)}) or from
 * a synthetic model's plan ({@link Memory#shape}), so the estimate needs no weights.
 *
 * @param source what it was read from, for messages
 * @param arch {@code general.architecture}
 * @param layers {@code block_count}
 * @param embd {@code embedding_length}
 * @param heads {@code attention.head_count}
 * @param kvHeads {@code attention.head_count_kv}
 * @param headDimK {@code attention.key_length}
 * @param headDimV {@code attention.value_length}
 * @param ff {@code feed_forward_length}
 * @param vocab tokens in the vocabulary
 * @param trainedContext {@code context_length}
 * @param weights every tensor, in file order
 */
public record ModelLayout(
    String source,
    String arch,
    int layers,
    long embd,
    long heads,
    long kvHeads,
    long headDimK,
    long headDimV,
    long ff,
    long vocab,
    long trainedContext,
    List<Weight> weights) {

  /** The architectures whose compute graph is modelled (src/models/llama.cpp, qwen3.cpp). */
  public static final List<String> ARCHITECTURES = List.of("llama", "qwen3");

  public ModelLayout {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(arch, "arch");
    weights = List.copyOf(weights);
    if (layers <= 0 || embd <= 0 || heads <= 0 || kvHeads <= 0 || headDimK <= 0 || vocab <= 0) {
      throw new UnsupportedModelException(
          source
              + ": not a transformer shape ("
              + layers
              + " layers, embd "
              + embd
              + ", "
              + heads
              + " heads, "
              + kvHeads
              + " KV heads)");
    }
    plausible(source, layers, 1L << 16, heads, kvHeads, headDimK, headDimV);
    plausible(source, layers, 1L << 26, embd, ff, vocab);
    int lastLayer = weights.stream().mapToInt(Weight::layer).max().orElse(-1);
    if (lastLayer + 1 < layers) {
      throw new UnsupportedModelException(
          source
              + ": block_count is "
              + layers
              + " but the tensors are of "
              + (lastLayer + 1)
              + " layers"
              + (weights.isEmpty() ? " (a vocabulary-only file?)" : ""));
    }
  }

  /**
   * Bounds far beyond any real model (Llama 3.1 405B: 126 layers, embd 16384, 128 heads), so that
   * no size computed from them overflows 64 bits and a hostile header cannot ask for a graph of
   * billions of layers.
   */
  private static void plausible(String source, long layers, long max, long... sizes) {
    if (layers > 4096) {
      throw new UnsupportedModelException(source + ": " + layers + " layers is not plausible");
    }
    for (long s : sizes) {
      if (s > max || s < 0) {
        throw new UnsupportedModelException(source + ": a dimension of " + s + " is not plausible");
      }
    }
  }

  /** {@code n_embd_k_gqa}: key elements per token per layer. */
  public long kvEmbdK() {
    return kvHeads * headDimK;
  }

  /** {@code n_embd_v_gqa}: value elements per token per layer. */
  public long kvEmbdV() {
    return kvHeads * headDimV;
  }

  /** The tensor of this name. */
  public Optional<Weight> weight(String name) {
    return weights.stream().filter(w -> w.name().equals(name)).findFirst();
  }

  /** Tensors by name, in file order. */
  Map<String, Weight> byName() {
    Map<String, Weight> out = new LinkedHashMap<>();
    for (Weight w : weights) out.putIfAbsent(w.name(), w);
    return out;
  }

  /** No {@code output.weight}: llama.cpp duplicates {@code token_embd} as the output. */
  public boolean tiedEmbeddings() {
    return weight("output.weight").isEmpty();
  }

  /** Sum of all tensor bytes (llama-bench's {@code model_size}). */
  public long weightBytes() {
    return weights.stream().mapToLong(Weight::bytes).sum();
  }

  @Override
  public String toString() {
    return String.format(
        "%s (%s): %d layers, embd %d, %d heads (%d KV) x %d, ff %d, vocab %d, "
            + "ctx %d, %d tensors",
        source,
        arch,
        layers,
        embd,
        heads,
        kvHeads,
        headDimK,
        ff,
        vocab,
        trainedContext,
        weights.size());
  }
}
