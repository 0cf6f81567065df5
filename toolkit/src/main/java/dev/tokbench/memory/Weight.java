package dev.tokbench.memory;

import dev.tokbench.gguf.GgmlType;
import java.util.List;
import java.util.Objects;

/**
 * One tensor of a model file as llama.cpp's loader sees it.
 *
 * @param name the GGUF name, e.g. {@code blk.3.ffn_up.weight}
 * @param type its ggml type
 * @param dims dimensions, innermost first
 * @param file the shard it is in (0 for a single file)
 * @param offset where its data start in that file, in bytes
 */
public record Weight(String name, GgmlType type, List<Long> dims, int file, long offset) {
  public Weight {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    dims = List.copyOf(dims);
    if (offset < 0 || file < 0) throw new IllegalArgumentException(name + ": negative offset");
  }

  public long elements() {
    return dims.stream().reduce(1L, Math::multiplyExact);
  }

  /** {@code ggml_nbytes}. */
  public long bytes() {
    return type.bytesFor(elements());
  }

  /** The repeating layer ({@code blk.N.}) of the tensor, or -1 for input and output tensors. */
  public int layer() {
    if (!name.startsWith("blk.")) return -1;
    int dot = name.indexOf('.', 4);
    try {
      return dot < 0 ? -1 : Integer.parseInt(name.substring(4, dot));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public String toString() {
    return name + " " + type + " " + dims;
  }
}
