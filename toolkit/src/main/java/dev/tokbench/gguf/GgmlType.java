package dev.tokbench.gguf;

import java.util.Optional;

/**
 * The ggml tensor types that may appear in a GGUF file, with their block layout.
 *
 * <p>Ids and sizes follow {@code enum ggml_type} in ggml.h and {@code GGML_QUANT_SIZES} in
 * gguf-py's constants.py: a tensor of {@code n} elements takes {@code n / blockSize * typeSize}
 * bytes. Retired ids (4, 5, 31-33, 36-38) are not listed; {@link #byId} reports them as absent.
 */
public enum GgmlType {
  F32(0, 1, 4),
  F16(1, 1, 2),
  Q4_0(2, 32, 2 + 16),
  Q4_1(3, 32, 2 + 2 + 16),
  Q5_0(6, 32, 2 + 4 + 16),
  Q5_1(7, 32, 2 + 2 + 4 + 16),
  Q8_0(8, 32, 2 + 32),
  Q8_1(9, 32, 4 + 4 + 32),
  Q2_K(10, 256, 2 + 2 + 256 / 16 + 256 / 4),
  Q3_K(11, 256, 2 + 256 / 4 + 256 / 8 + 12),
  Q4_K(12, 256, 2 + 2 + 12 + 256 / 2),
  Q5_K(13, 256, 2 + 2 + 12 + 256 / 8 + 256 / 2),
  Q6_K(14, 256, 2 + 256 / 2 + 256 / 4 + 256 / 16),
  Q8_K(15, 256, 4 + 256 + 2 * 256 / 16),
  IQ2_XXS(16, 256, 2 + 256 / 4),
  IQ2_XS(17, 256, 2 + 256 / 4 + 256 / 32),
  IQ3_XXS(18, 256, 2 + 256 / 4 + 256 / 8),
  IQ1_S(19, 256, 2 + 256 / 8 + 256 / 16),
  IQ4_NL(20, 32, 2 + 16),
  IQ3_S(21, 256, 2 + 256 / 4 + 256 / 8 + 256 / 32 + 4),
  IQ2_S(22, 256, 2 + 256 / 4 + 256 / 16),
  IQ4_XS(23, 256, 2 + 2 + 256 / 2 + 256 / 64),
  I8(24, 1, 1),
  I16(25, 1, 2),
  I32(26, 1, 4),
  I64(27, 1, 8),
  F64(28, 1, 8),
  IQ1_M(29, 256, 256 / 8 + 256 / 16 + 256 / 32),
  BF16(30, 1, 2),
  TQ1_0(34, 256, 2 + 4 * 13),
  TQ2_0(35, 256, 2 + 256 / 4),
  MXFP4(39, 32, 1 + 16);

  private static final GgmlType[] BY_ID = new GgmlType[40];

  static {
    for (GgmlType t : values()) BY_ID[t.id] = t;
  }

  private final int id;
  private final int blockSize;
  private final int typeSize;

  GgmlType(int id, int blockSize, int typeSize) {
    this.id = id;
    this.blockSize = blockSize;
    this.typeSize = typeSize;
  }

  /** The numeric id stored in a GGUF tensor info. */
  public int id() {
    return id;
  }

  /** Elements per block. */
  public int blockSize() {
    return blockSize;
  }

  /** Bytes per block. */
  public int typeSize() {
    return typeSize;
  }

  /** Bits per weight of this type alone, e.g. 4.5 for Q4_K. */
  public double bitsPerWeight() {
    return typeSize * 8.0 / blockSize;
  }

  /** True for block-quantized types (block size above one). */
  public boolean isQuantized() {
    return blockSize > 1;
  }

  /**
   * Bytes taken by {@code elements} elements of this type.
   *
   * @throws IllegalArgumentException if the count is negative or not a whole number of blocks
   */
  public long bytesFor(long elements) {
    if (elements < 0 || elements % blockSize != 0) {
      throw new IllegalArgumentException(
          name() + " needs a multiple of " + blockSize + " elements, got " + elements);
    }
    return Math.multiplyExact(elements / blockSize, (long) typeSize);
  }

  /** The type with this numeric id, or empty for an unknown or retired id. */
  public static Optional<GgmlType> byId(long id) {
    return id >= 0 && id < BY_ID.length ? Optional.ofNullable(BY_ID[(int) id]) : Optional.empty();
  }
}
