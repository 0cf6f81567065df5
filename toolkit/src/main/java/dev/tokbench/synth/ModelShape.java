package dev.tokbench.synth;

import java.util.Locale;
import java.util.Objects;

/**
 * The architecture of a decoder-only transformer as llama.cpp sees it: what decides every tensor's
 * shape and the GGUF hyper-parameters. Catalogue shapes come from {@link Shapes}; any field can be
 * changed with a {@code with…} copy, and every copy is checked.
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
    String name,
    String arch,
    int vocab,
    int embd,
    int layers,
    int heads,
    int kvHeads,
    int headDim,
    int ff,
    int ctx,
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

  public ModelShape withVocab(int v) {
    return new ModelShape(
        name,
        arch,
        v,
        embd,
        layers,
        heads,
        kvHeads,
        headDim,
        ff,
        ctx,
        tiedEmbeddings,
        ropeTheta,
        rmsEps);
  }

  public ModelShape withEmbd(int v) {
    return new ModelShape(
        name,
        arch,
        vocab,
        v,
        layers,
        heads,
        kvHeads,
        headDim,
        ff,
        ctx,
        tiedEmbeddings,
        ropeTheta,
        rmsEps);
  }

  public ModelShape withLayers(int v) {
    return new ModelShape(
        name,
        arch,
        vocab,
        embd,
        v,
        heads,
        kvHeads,
        headDim,
        ff,
        ctx,
        tiedEmbeddings,
        ropeTheta,
        rmsEps);
  }

  public ModelShape withHeads(int v) {
    return new ModelShape(
        name,
        arch,
        vocab,
        embd,
        layers,
        v,
        kvHeads,
        headDim,
        ff,
        ctx,
        tiedEmbeddings,
        ropeTheta,
        rmsEps);
  }

  public ModelShape withKvHeads(int v) {
    return new ModelShape(
        name,
        arch,
        vocab,
        embd,
        layers,
        heads,
        v,
        headDim,
        ff,
        ctx,
        tiedEmbeddings,
        ropeTheta,
        rmsEps);
  }

  public ModelShape withHeadDim(int v) {
    return new ModelShape(
        name,
        arch,
        vocab,
        embd,
        layers,
        heads,
        kvHeads,
        v,
        ff,
        ctx,
        tiedEmbeddings,
        ropeTheta,
        rmsEps);
  }

  public ModelShape withFf(int v) {
    return new ModelShape(
        name,
        arch,
        vocab,
        embd,
        layers,
        heads,
        kvHeads,
        headDim,
        v,
        ctx,
        tiedEmbeddings,
        ropeTheta,
        rmsEps);
  }

  public ModelShape withCtx(int v) {
    return new ModelShape(
        name,
        arch,
        vocab,
        embd,
        layers,
        heads,
        kvHeads,
        headDim,
        ff,
        v,
        tiedEmbeddings,
        ropeTheta,
        rmsEps);
  }

  public ModelShape withTiedEmbeddings(boolean v) {
    return new ModelShape(
        name, arch, vocab, embd, layers, heads, kvHeads, headDim, ff, ctx, v, ropeTheta, rmsEps);
  }

  public ModelShape withName(String v) {
    return new ModelShape(
        v,
        arch,
        vocab,
        embd,
        layers,
        heads,
        kvHeads,
        headDim,
        ff,
        ctx,
        tiedEmbeddings,
        ropeTheta,
        rmsEps);
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
