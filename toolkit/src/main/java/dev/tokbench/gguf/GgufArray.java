package dev.tokbench.gguf;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A metadata array, decoded only when asked. Reading a GGUF file only checks that the array fits
 * and skips it, so a 128k-256k token vocabulary costs nothing until {@link #strings()} is called.
 * Elements may themselves be arrays (nested arrays).
 */
public final class GgufArray {
  private final Path path;
  private final GgufValueType elementType;
  private final int size;
  private final ByteBuffer bytes;
  private final long offset;
  private final int depth;
  private volatile List<GgufValue> decoded;

  GgufArray(
      Path path, GgufValueType elementType, int size, ByteBuffer bytes, long offset, int depth) {
    this.path = path;
    this.elementType = elementType;
    this.size = size;
    this.bytes = bytes;
    this.offset = offset;
    this.depth = depth;
  }

  /** The type of every element. */
  public GgufValueType elementType() {
    return elementType;
  }

  /** The number of elements. */
  public int size() {
    return size;
  }

  /** The file offset of the first element. */
  public long offset() {
    return offset;
  }

  /** Bytes the elements take in the file. */
  public long byteSize() {
    return bytes.capacity();
  }

  /** Every element, decoded on first use and kept. */
  public List<GgufValue> values() {
    List<GgufValue> v = decoded;
    if (v == null) decoded = v = decodeFirst(size);
    return v;
  }

  private List<GgufValue> decodeFirst(int n) {
    GgufCursor c = new GgufCursor(path, bytes.duplicate().order(bytes.order()), offset, -1);
    List<GgufValue> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(GgufValues.read(c, elementType, depth));
    return Collections.unmodifiableList(out);
  }

  /** Element {@code i}. */
  public GgufValue get(int i) {
    return values().get(i);
  }

  /** The elements of a string array, e.g. {@code tokenizer.ggml.tokens}. */
  public List<String> strings() {
    return typed(GgufValue::asString);
  }

  /** The elements of an integer array. */
  public List<Long> longs() {
    return typed(GgufValue::asLong);
  }

  /** The elements of a numeric array as doubles, e.g. {@code tokenizer.ggml.scores}. */
  public List<Double> doubles() {
    return typed(GgufValue::asDouble);
  }

  public List<Boolean> booleans() {
    return typed(GgufValue::asBoolean);
  }

  /** The elements of an array of arrays. */
  public List<GgufArray> arrays() {
    return typed(GgufValue::asArray);
  }

  private <T> List<T> typed(java.util.function.Function<GgufValue, T> f) {
    List<GgufValue> v = values();
    if (!v.isEmpty()) f.apply(v.get(0)); // fail at once on the wrong element type
    return new AbstractList<>() {
      @Override
      public T get(int i) {
        return f.apply(v.get(i));
      }

      @Override
      public int size() {
        return v.size();
      }
    };
  }

  /** Equal when the element types and the decoded elements are (decodes both). */
  @Override
  public boolean equals(Object o) {
    return o instanceof GgufArray
        && ((GgufArray) o).elementType == elementType
        && ((GgufArray) o).size == size
        && ((GgufArray) o).values().equals(values());
  }

  @Override
  public int hashCode() {
    return elementType.hashCode() * 31 + size;
  }

  /** Short: type, size and the first few elements. */
  @Override
  public String toString() {
    int head = Math.min(size, 5);
    String first =
        (decoded != null ? decoded.subList(0, head) : decodeFirst(head))
            .stream().map(GgufValue::toString).collect(Collectors.joining(", "));
    return elementType + "[" + size + "]: [" + first + (size > head ? ", …]" : "]");
  }
}
