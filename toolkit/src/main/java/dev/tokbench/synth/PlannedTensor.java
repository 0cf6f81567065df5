package dev.tokbench.synth;

import dev.tokbench.gguf.GgmlType;
import java.util.List;
import java.util.Objects;

/**
 * One tensor of a synthetic model: its GGUF name, ggml dimensions (row length first), the type
 * llama-quantize would give it, and whether it is a norm (all ones) or a weight matrix (seeded
 * normal values).
 */
public record PlannedTensor(String name, List<Long> dims, GgmlType type, boolean norm) {
  public PlannedTensor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    dims = List.copyOf(dims);
  }

  public long elements() {
    return dims.stream().reduce(1L, Math::multiplyExact);
  }

  /** Bytes of data ({@code ggml_nbytes}). */
  public long bytes() {
    return type.bytesFor(elements());
  }

  /** The row length, {@code ne[0]}. */
  public long rowLength() {
    return dims.get(0);
  }

  PlannedTensor withType(GgmlType t) {
    return new PlannedTensor(name, dims, t, norm);
  }

  @Override
  public String toString() {
    return name + " " + type + " " + dims;
  }
}
