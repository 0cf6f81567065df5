package dev.tokbench.gguf;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One metadata value: a number, a boolean, a string, or an {@link GgufArray}. The typed accessors
 * throw a {@link GgufFormatException} naming the file and the value's byte offset when the value
 * has another type, so a model whose {@code general.alignment} is a string is reported as a bad
 * file, not as a bug.
 */
public final class GgufValue {
  private final GgufValueType type;
  private final Object value;
  private final Path path;
  private final long offset;

  GgufValue(GgufValueType type, Object value, Path path, long offset) {
    this.type = Objects.requireNonNull(type);
    this.value = Objects.requireNonNull(value);
    this.path = path;
    this.offset = offset;
  }

  /** The value's GGUF type. */
  public GgufValueType type() {
    return type;
  }

  /** The file offset where the value starts. */
  public long offset() {
    return offset;
  }

  /** {@code UINT32}, {@code STRING}, or {@code ARRAY[STRING]}. */
  public String typeName() {
    return type == GgufValueType.ARRAY ? "ARRAY[" + asArray().elementType() + "]" : type.name();
  }

  /** True for any integer type. */
  public boolean isInteger() {
    return type.isInteger();
  }

  /**
   * The value of an integer type. A {@code uint64} above {@link Long#MAX_VALUE} is refused rather
   * than turned negative.
   */
  public long asLong() {
    if (!type.isInteger()) throw wrongType("an integer");
    long v = (Long) value;
    if (type == GgufValueType.UINT64 && v < 0) {
      throw new GgufFormatException(
          path, offset, "uint64 value " + Long.toUnsignedString(v) + " is too large");
    }
    return v;
  }

  /** The value of any numeric type as a double. */
  public double asDouble() {
    if (type.isFloat()) return (Double) value;
    if (type.isInteger()) return type == GgufValueType.UINT64 ? unsignedDouble() : (Long) value;
    throw wrongType("a number");
  }

  public boolean asBoolean() {
    if (type != GgufValueType.BOOL) throw wrongType("a bool");
    return (Boolean) value;
  }

  public String asString() {
    if (type != GgufValueType.STRING) throw wrongType("a string");
    return (String) value;
  }

  public GgufArray asArray() {
    if (type != GgufValueType.ARRAY) throw wrongType("an array");
    return (GgufArray) value;
  }

  /**
   * The plain Java value: {@code Long} for integers (a {@code uint64} keeps its bits), {@code
   * Double}, {@code Boolean}, {@code String} or {@link GgufArray}.
   */
  public Object raw() {
    return value;
  }

  private double unsignedDouble() {
    long v = (Long) value;
    return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
  }

  private GgufFormatException wrongType(String expected) {
    return new GgufFormatException(path, offset, "value is " + type + ", expected " + expected);
  }

  @Override
  public String toString() {
    if (type == GgufValueType.UINT64) return Long.toUnsignedString((Long) value);
    if (type == GgufValueType.STRING) return quote((String) value, 80);
    if (type == GgufValueType.FLOAT32) return Float.toString(((Double) value).floatValue());
    return value.toString();
  }

  /**
   * A name from the file as an error shows it: as it is when short and printable, else quoted and
   * cut, so a hostile megabyte-long name cannot flood a message.
   */
  static String shortName(String name) {
    if (name.length() <= 80 && name.chars().allMatch(ch -> ch >= 0x20 && ch != 0x7f)) return name;
    return quote(name, 80);
  }

  /** A string in double quotes with control characters escaped, cut at {@code max} characters. */
  static String quote(String s, int max) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length() && i < max; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c == '\n') b.append("\\n");
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    if (s.length() > max) b.append("…");
    return b.append('"').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GgufValue
        && ((GgufValue) o).type == type
        && ((GgufValue) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + value.hashCode();
  }
}
