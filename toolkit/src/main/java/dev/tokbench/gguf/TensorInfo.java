package dev.tokbench.gguf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code gguf_tensor_info_t}: name, dimensions in ggml order ({@code dims.get(0)} is the
 * innermost, the row length), the ggml type id, and where its data lie.
 *
 * @param name the tensor's name, e.g. {@code blk.0.attn_q.weight}
 * @param dims the dimensions, innermost first, as stored in the file
 * @param typeId the {@code ggml_type} id; may be one this toolkit does not know
 * @param offset {@code uint64_t offset}: bytes from the start of the tensor data section
 * @param fileOffset where the data start in the file: the data offset plus {@code offset}
 * @param elements the product of the dimensions
 */
public record TensorInfo(
    String name, List<Long> dims, int typeId, long offset, long fileOffset, long elements) {
  public TensorInfo {
    Objects.requireNonNull(name, "name");
    dims = List.copyOf(dims);
    if (offset < 0 || fileOffset < offset || elements < 0) {
      throw new IllegalArgumentException(
          "tensor "
              + GgufValue.shortName(name)
              + ": bad offset "
              + offset
              + "/"
              + fileOffset
              + " or count "
              + elements);
    }
  }

  /** The ggml type, or empty when the id is unknown to this toolkit. */
  public Optional<GgmlType> knownType() {
    return GgmlType.byId(typeId);
  }

  /** True when the ggml type id is one this toolkit knows (so {@link #bytes()} is defined). */
  public boolean hasKnownType() {
    return knownType().isPresent();
  }

  /**
   * The ggml type.
   *
   * @throws IllegalStateException if the type id is unknown; check {@link #hasKnownType()} first
   */
  public GgmlType type() {
    return knownType()
        .orElseThrow(() -> new IllegalStateException(name + " has unknown ggml type " + typeId));
  }

  /** The type's name, or {@code type 42} for an unknown id. */
  public String typeName() {
    return knownType().map(Enum::name).orElse("type " + typeId);
  }

  /**
   * Bytes of tensor data ({@code ggml_nbytes}).
   *
   * @throws IllegalStateException if the type id is unknown
   */
  public long bytes() {
    return type().bytesFor(elements);
  }

  /** The file offset just past this tensor's data. */
  public long endOffset() {
    return fileOffset + bytes();
  }

  @Override
  public String toString() {
    return name + " " + typeName() + " " + dims + " @" + fileOffset;
  }
}
