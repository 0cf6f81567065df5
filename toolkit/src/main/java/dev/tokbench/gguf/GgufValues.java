package dev.tokbench.gguf;

/**
 * Reads and skips {@code gguf_value_t}s. Arrays are never decoded here: they are checked to fit,
 * skipped, and kept as a slice for {@link GgufArray} to decode on demand.
 */
final class GgufValues {
  /** Nesting deeper than this is refused, so a hostile file cannot overflow the stack. */
  static final int MAX_DEPTH = 64;

  private GgufValues() {}

  /** The {@code uint32} value type at the cursor. */
  static GgufValueType type(GgufCursor c, String what) {
    long at = c.offset();
    long id = c.u32(what);
    return GgufValueType.byId(id)
        .orElseThrow(
            () -> c.error(at, what + " " + id + " is not a GGUF value type (0-12 are defined)"));
  }

  static GgufValue read(GgufCursor c, GgufValueType type, int depth) {
    long at = c.offset();
    return new GgufValue(type, decode(c, type, depth), c.path(), at);
  }

  private static Object decode(GgufCursor c, GgufValueType type, int depth) {
    switch (type) {
      case UINT8:
        return (long) c.u8("uint8 value");
      case INT8:
        return (long) (byte) c.u8("int8 value");
      case UINT16:
        return (long) c.u16("uint16 value");
      case INT16:
        return (long) (short) c.u16("int16 value");
      case UINT32:
        return c.u32("uint32 value");
      case INT32:
        return (long) c.i32("int32 value");
      case UINT64:
      case INT64:
        return c.i64("64-bit integer value");
      case FLOAT32:
        return (double) c.f32("float32 value");
      case FLOAT64:
        return c.f64("float64 value");
      case BOOL:
        return c.u8("bool value") != 0;
      case STRING:
        return c.string("string value");
      case ARRAY:
        return array(c, depth + 1);
    }
    throw new IllegalStateException("unhandled type " + type);
  }

  /** {@code gguf_type type; uint64_t n; gguf_value_t array[n]}: checked, skipped, kept lazy. */
  private static GgufArray array(GgufCursor c, int depth) {
    long at = c.offset();
    if (depth > MAX_DEPTH) {
      throw c.error(at, "arrays nested deeper than " + MAX_DEPTH + " levels");
    }
    GgufValueType elementType = type(c, "array element type");
    long n = c.count("array length", elementType.minBytes());
    long start = c.offset();
    skipElements(c, elementType, n, depth);
    long length = c.offset() - start;
    c.seek(start); // rewind to keep what was just validated as a slice
    return new GgufArray(c.path(), elementType, (int) n, c.slice(length, "array"), start, depth);
  }

  private static void skipArray(GgufCursor c, int depth) {
    if (depth > MAX_DEPTH) {
      throw c.error(c.offset(), "arrays nested deeper than " + MAX_DEPTH + " levels");
    }
    GgufValueType elementType = type(c, "array element type");
    skipElements(c, elementType, c.count("array length", elementType.minBytes()), depth);
  }

  private static void skipElements(GgufCursor c, GgufValueType type, long n, int depth) {
    if (type.fixedBytes() > 0) {
      c.skip(n * type.fixedBytes(), "array of " + n + " " + type);
    } else if (type == GgufValueType.STRING) {
      for (long i = 0; i < n; i++) c.skipString("array string");
    } else {
      for (long i = 0; i < n; i++) skipArray(c, depth + 1);
    }
  }
}
