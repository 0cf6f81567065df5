package dev.tokbench.gguf;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes GGUF header fields in one byte order into a growing buffer: integers, strings ({@code
 * uint64_t len; char string[len];}) and typed metadata values, arrays included.
 */
final class MetadataEncoder {
  private final ByteOrder order;
  private byte[] buf = new byte[1 << 16];
  private int size;

  MetadataEncoder(ByteOrder order) {
    this.order = order;
  }

  int size() {
    return size;
  }

  byte[] bytes() {
    return Arrays.copyOf(buf, size);
  }

  MetadataEncoder raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
    return this;
  }

  MetadataEncoder u32(long v) {
    return number(v, 4);
  }

  MetadataEncoder u64(long v) {
    return number(v, 8);
  }

  MetadataEncoder string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    u64(b.length);
    return raw(b);
  }

  /** A value of {@code type}; {@code value} has been checked by {@link #check}. */
  MetadataEncoder value(GgufValueType type, Object value) {
    switch (type) {
      case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64:
        return number(((Number) value).longValue(), type.fixedBytes());
      case FLOAT32:
        return number(Float.floatToRawIntBits(((Number) value).floatValue()), 4);
      case FLOAT64:
        return number(Double.doubleToRawLongBits(((Number) value).doubleValue()), 8);
      case BOOL:
        return number((Boolean) value ? 1 : 0, 1);
      case STRING:
        return string((String) value);
      case ARRAY:
        GgufWriter.TypedArray a = (GgufWriter.TypedArray) value;
        u32(a.elementType().id()).u64(a.values().size());
        for (Object e : a.values()) value(a.elementType(), e);
        return this;
      default:
        throw new IllegalStateException("unhandled " + type);
    }
  }

  /**
   * Checks that {@code value} can be stored as {@code type}: the right Java type, integers within
   * the type's range. Returns a message saying what is wrong, or null.
   */
  static String check(GgufValueType type, Object value) {
    if (value == null) return "a null value";
    switch (type) {
      case BOOL:
        return value instanceof Boolean ? null : "a " + type + " needs a Boolean, got " + value;
      case STRING:
        return value instanceof String ? null : "a STRING needs a String, got " + value;
      case FLOAT32, FLOAT64:
        return value instanceof Number ? null : "a " + type + " needs a number, got " + value;
      case ARRAY:
        return value instanceof GgufWriter.TypedArray ? null : "an ARRAY needs a TypedArray";
      default:
        return checkInteger(type, value);
    }
  }

  private static String checkInteger(GgufValueType type, Object value) {
    if (!(value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger)) {
      return "a " + type + " needs an integer, got " + value;
    }
    BigInteger v = new BigInteger(value.toString());
    int bits = type.fixedBytes() * 8;
    boolean unsigned = type.name().startsWith("U");
    BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger max =
        (unsigned ? BigInteger.ONE.shiftLeft(bits) : BigInteger.ONE.shiftLeft(bits - 1))
            .subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      return value + " is out of range for " + type + " [" + min + ", " + max + "]";
    }
    return null;
  }

  /** Checks every element of an array, nested arrays included. */
  static String checkArray(GgufValueType elementType, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      String problem = check(elementType, values.get(i));
      if (problem != null) return "element " + i + ": " + problem;
    }
    return null;
  }

  MetadataEncoder padTo(long alignment) {
    while (size % alignment != 0) number(0, 1);
    return this;
  }

  private MetadataEncoder number(long v, int bytes) {
    ensure(bytes);
    for (int i = 0; i < bytes; i++) {
      int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (bytes - 1 - i);
      buf[size + i] = (byte) (v >>> shift);
    }
    size += bytes;
    return this;
  }

  private void ensure(int more) {
    if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
  }
}
