package dev.tokbench.gguf;

import java.util.Optional;

/**
 * The metadata value types of GGUF ({@code enum gguf_type} in ggml's gguf.h), declared in the order
 * of their ids (0 to 12), so that an id is the constant's ordinal.
 */
public enum GgufValueType {
  UINT8(1),
  INT8(1),
  UINT16(2),
  INT16(2),
  UINT32(4),
  INT32(4),
  FLOAT32(4),
  BOOL(1),
  STRING(0),
  ARRAY(0),
  UINT64(8),
  INT64(8),
  FLOAT64(8);

  private final int bytes;

  GgufValueType(int bytes) {
    this.bytes = bytes;
  }

  /** The numeric id stored in the file. */
  public int id() {
    return ordinal();
  }

  /** Bytes of one value for fixed-size types; 0 for STRING and ARRAY, whose size varies. */
  public int fixedBytes() {
    return bytes;
  }

  /**
   * The fewest bytes one value of this type can take: a string is at least its {@code uint64}
   * length, an array at least its {@code uint32} type and {@code uint64} count. Used to reject a
   * count before anything is allocated from it.
   */
  public int minBytes() {
    return this == STRING ? 8 : this == ARRAY ? 12 : bytes;
  }

  /** True for the integer types, signed or not (not BOOL). */
  public boolean isInteger() {
    return bytes > 0 && this != FLOAT32 && this != FLOAT64 && this != BOOL;
  }

  /** True for FLOAT32 and FLOAT64. */
  public boolean isFloat() {
    return this == FLOAT32 || this == FLOAT64;
  }

  /** The type with this id, or empty. */
  public static Optional<GgufValueType> byId(long id) {
    GgufValueType[] all = values();
    return id >= 0 && id < all.length ? Optional.of(all[(int) id]) : Optional.empty();
  }
}
