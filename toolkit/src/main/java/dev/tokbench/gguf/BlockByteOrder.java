package dev.tokbench.gguf;

import java.util.List;
import java.util.Optional;

/**
 * Where the multi-byte numbers sit inside one block of a ggml type, so a tensor can be turned
 * between ggml's little-endian layout and a big-endian file's: whole elements for the plain types,
 * the fp16 scales ({@code d}, {@code dmin}) for the block-quantized ones, as gguf-py's byte-order
 * conversion does. Quantized levels are single bytes and stay as they are.
 *
 * @param elementBytes width of each plain element, or 2 for the fp16 fields of a quantized block
 * @param fieldOffsets offsets of the fields to reverse within a block
 */
public record BlockByteOrder(int elementBytes, List<Integer> fieldOffsets) {
  public BlockByteOrder {
    fieldOffsets = List.copyOf(fieldOffsets);
  }

  /** The layout of {@code type}, or empty when tokbench does not know where its fields are. */
  public static Optional<BlockByteOrder> of(GgmlType type) {
    switch (type) {
      case F32, I32, F16, BF16, I16, I64, F64, I8:
        return Optional.of(new BlockByteOrder(type.typeSize(), List.of(0)));
      case Q4_0, Q8_0, Q5_0:
        return Optional.of(new BlockByteOrder(2, List.of(0))); // ggml_half d first
      case Q5_1:
        return Optional.of(new BlockByteOrder(2, List.of(0, 2))); // ggml_half d, m first
      case Q4_K, Q5_K:
        return Optional.of(new BlockByteOrder(2, List.of(0, 2))); // ggml_half d, dmin first
      case Q6_K:
        return Optional.of(new BlockByteOrder(2, List.of(208))); // ggml_half d last
      default:
        return Optional.empty();
    }
  }

  /**
   * Reverses the byte order of those fields in {@code blocks} blocks of {@code type} at {@code
   * off}.
   */
  public static void swap(GgmlType type, byte[] bytes, int off, int blocks) {
    BlockByteOrder layout =
        of(type)
            .orElseThrow(
                () -> new IllegalArgumentException("no known big-endian layout for " + type));
    int size = type.typeSize();
    for (int i = 0; i < blocks; i++) {
      for (int field : layout.fieldOffsets)
        reverse(bytes, off + i * size + field, layout.elementBytes);
    }
  }

  private static void reverse(byte[] b, int at, int width) {
    for (int i = 0, j = width - 1; i < j; i++, j--) {
      byte t = b[at + i];
      b[at + i] = b[at + j];
      b[at + j] = t;
    }
  }
}
