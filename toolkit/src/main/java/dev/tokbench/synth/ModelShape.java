package dev.tokbench.synth;

import dev.tokbench.Described;
import dev.tokbench.Records;
import java.util.Locale;
import java.util.Objects;

/**
 * The architecture of a decoder-only transformer as llama.cpp sees it: what decides every tensor's
 * shape and the GGUF hyper-parameters. Catalogue shapes come from {@link Shapes}; any component can
 * be changed with {@link #with} ({@code shape.with(ModelShape::layers, 2)}), and every copy is
 * checked.
 *
 * @param name e.g. {@code llama-3.2-1b}
 * @param arch {@code general.architecture}: {@code llama} or {@code qwen3}
 * @param vocab tokens in the vocabulary
 * @param embd embedding length (hidden size)
 * @param layers transformer blocks
 * @param heads attention (query) heads
 * @param kvHeads key/value heads (grouped-query attention)
 * @param headDim elements per head
 * @param ff feed-forward (intermediate) length
 * @param ctx context length written to the metadata
 * @param tiedEmbeddings true when the output projection reuses {@code token_embd.weight}
 * @param ropeTheta RoPE frequency base
 * @param rmsEps RMS-norm epsilon
 */
public record ModelShape(
    @Described("The model's general.name (default: the shape's name).") String name,
    @Described("A shape by hand of this architecture: llama or qwen3.") String arch,
    @Described("Tokens in the vocabulary.") int vocab,
    @Described("The embedding length (hidden size).") int embd,
    @Described("Transformer blocks.") int layers,
    @Described("Attention (query) heads.") int heads,
    @Described("Key/value heads (grouped-query attention).") int kvHeads,
    @Described("Elements per head.") int headDim,
    @Described("The feed-forward (intermediate) length.") int ff,
    @Described("The context length written to the metadata.") int ctx,
    @Described(
            value = "Whether the output projection reuses the token embeddings: true or false.",
            names = "--tied",
            arity = "1")
        boolean tiedEmbeddings,
    float ropeTheta,
    float rmsEps) {

  public ModelShape {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arch, "arch");
    if (!arch.equals("llama") && !arch.equals("qwen3")) {
      throw new ImpossibleShapeException(name, "architecture " + arch + "; known: llama, qwen3");
    }
    positive(name, "vocab", vocab);
    positive(name, "embd", embd);
    positive(name, "layers", layers);
    positive(name, "heads", heads);
    positive(name, "kv_heads", kvHeads);
    positive(name, "head_dim", headDim);
    positive(name, "ff", ff);
    positive(name, "ctx", ctx);
    if (embd % heads != 0) {
      throw new ImpossibleShapeException(
          name, heads + " heads do not divide the embedding length " + embd);
    }
    if (heads % kvHeads != 0) {
      throw new ImpossibleShapeException(
          name, kvHeads + " KV heads do not divide the " + heads + " attention heads");
    }
    if (vocab < 259) {
      throw new ImpossibleShapeException(
          name, "vocab " + vocab + " is below the 259 tokens of <unk>, <s>, </s> and 256 bytes");
    }
    if (!(ropeTheta > 0) || !(rmsEps > 0)) {
      throw new ImpossibleShapeException(name, "rope_theta and rms_eps must be > 0");
    }
  }

  private static void positive(String shape, String field, int value) {
    if (value <= 0) throw new ImpossibleShapeException(shape, field + " must be > 0, got " + value);
  }

  /** True for architectures with per-head RMS norms on queries and keys (Qwen3). */
  public boolean hasQkNorm() {
    return arch.equals("qwen3");
  }

  /** llama.cpp's {@code LLM_TYPE_70B}: a LLaMA of 80 layers, whose attn_v gets more bits. */
  public boolean isLlama70B() {
    return arch.equals("llama") && layers == 80;
  }

  /**
   * A copy with one component changed, checked like any shape: {@code
   * shape.with(ModelShape::layers, 2)}.
   */
  public <T> ModelShape with(Records.Component<ModelShape, T> component, T value) {
    return Records.with(this, component, value);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s (%s): vocab %d, embd %d, %d layers, %d heads (%d KV) x %d, ff %d, ctx %d%s",
        name,
        arch,
        vocab,
        embd,
        layers,
        heads,
        kvHeads,
        headDim,
        ff,
        ctx,
        tiedEmbeddings ? ", tied embeddings" : "");
  }
}
