package dev.tokbench.gguf;

/**
 * How much of a model one ggml type holds.
 *
 * @param type the ggml type's name, or {@code type 42} for an id this toolkit does not know
 * @param tensors tensors of this type
 * @param params their elements
 * @param bytes their data bytes (0 for an unknown type, whose size cannot be known)
 */
public record TypeStats(String type, long tensors, long params, long bytes) {
  public TypeStats {
    if (type == null || type.isEmpty() || tensors < 0 || params < 0 || bytes < 0) {
      throw new IllegalArgumentException(
          "bad type stats: " + type + " " + tensors + " " + params + " " + bytes);
    }
  }

  /** Bits per weight of this type in this model. */
  public double bitsPerWeight() {
    return params == 0 ? 0 : bytes * 8.0 / params;
  }

  TypeStats plus(TypeStats o) {
    return new TypeStats(type, tensors + o.tensors, params + o.params, bytes + o.bytes);
  }
}
