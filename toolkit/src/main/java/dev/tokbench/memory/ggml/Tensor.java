package dev.tokbench.memory.ggml;

import dev.tokbench.gguf.GgmlType;
import java.util.Arrays;

/**
 * One {@code struct ggml_tensor} as far as memory is concerned: type, shape {@code ne}, strides
 * {@code nb} (bytes), the op that produces it and its sources, the tensor it is a view of, and the
 * buffer it already lives in (weights, KV cache). Built through {@link Ggml}; the scheduler rewires
 * sources to copies, as {@code ggml_backend_sched_split_graph} does, so the class is mutable.
 */
public final class Tensor {
  /** Enough for the ops modelled here (flash attention has four sources: q, k, v, mask). */
  static final int MAX_SRC = 4;

  static final int FLAG_INPUT = 1;
  static final int FLAG_OUTPUT = 2;

  final GgmlType type;
  final long[] ne;
  final long[] nb;
  final Op op;
  final Tensor[] src = new Tensor[MAX_SRC];
  final Tensor viewSrc;
  final Buffer buffer;
  String name;
  int flags;

  Tensor(String name, GgmlType type, long[] ne, long[] nb, Op op, Tensor viewSrc, Buffer buffer) {
    this.name = name;
    this.type = type;
    this.ne = ne.clone();
    this.nb = nb.clone();
    this.op = op;
    this.viewSrc = viewSrc;
    this.buffer = buffer;
  }

  public String name() {
    return name;
  }

  public GgmlType type() {
    return type;
  }

  public Op op() {
    return op;
  }

  /** {@code ne[i]}: elements along dimension {@code i}, innermost first. */
  public long ne(int i) {
    return ne[i];
  }

  /** {@code nb[i]}: the stride of dimension {@code i} in bytes. */
  public long nb(int i) {
    return nb[i];
  }

  /** Source {@code i}, or null. */
  public Tensor src(int i) {
    return src[i];
  }

  /** The tensor whose memory this one views (never itself a view), or null. */
  public Tensor viewSrc() {
    return viewSrc;
  }

  /** The buffer the tensor already lives in (weights, KV cache), or null for a graph tensor. */
  public Buffer buffer() {
    return buffer;
  }

  /** The buffer of this tensor or of the tensor it views. */
  Buffer ownOrViewedBuffer() {
    return viewSrc != null ? viewSrc.buffer : buffer;
  }

  public boolean isView() {
    return viewSrc != null;
  }

  public boolean isInput() {
    return (flags & FLAG_INPUT) != 0;
  }

  public boolean isOutput() {
    return (flags & FLAG_OUTPUT) != 0;
  }

  /** {@code ggml_set_output}: the allocator never frees or reuses it. */
  public Tensor markOutput() {
    flags |= FLAG_OUTPUT;
    return this;
  }

  public long elements() {
    return ne[0] * ne[1] * ne[2] * ne[3];
  }

  /** {@code ggml_nrows}. */
  public long rows() {
    return ne[1] * ne[2] * ne[3];
  }

  /** {@code ggml_nbytes}: the span of memory the strides address. */
  public long nbytes() {
    for (long n : ne) if (n <= 0) return 0;
    boolean blocks = type.blockSize() > 1;
    long bytes = blocks ? ne[0] * nb[0] / type.blockSize() : type.typeSize() + (ne[0] - 1) * nb[0];
    for (int i = 1; i < 4; i++) bytes += (ne[i] - 1) * nb[i];
    return bytes;
  }

  /** {@code ggml_is_contiguous}. */
  public boolean isContiguous() {
    long next = type.typeSize();
    if (ne[0] != type.blockSize() && nb[0] != next) return false;
    next *= ne[0] / type.blockSize();
    for (int i = 1; i < 4; i++) {
      if (ne[i] != 1) {
        if (nb[i] != next) return false;
        next *= ne[i];
      }
    }
    return true;
  }

  /** {@code ggml_are_same_layout}: the condition for reusing a parent's memory in place. */
  boolean sameLayout(Tensor o) {
    return type == o.type && Arrays.equals(ne, o.ne) && Arrays.equals(nb, o.nb);
  }

  @Override
  public String toString() {
    return name + " " + op + " " + type + " " + Arrays.toString(ne) + " " + nbytes() + " B";
  }
}
