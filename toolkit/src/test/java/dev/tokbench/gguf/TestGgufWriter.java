package dev.tokbench.gguf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small GGUF writer for tests: re-encodes a parsed file in either byte order, writes shards, and
 * builds files with value types the fixtures lack. Values are {@code Long}, {@code Double}, {@code
 * Boolean}, {@code String}, or {@link Arr} for arrays (which may nest).
 */
final class TestGgufWriter {
  /** An array value: its element type and elements. */
  record Arr(GgufValueType elementType, List<?> elements) {}

  private record Kv(String key, GgufValueType type, Object value) {}

  private record Tensor(String name, List<Long> dims, int typeId, byte[] data, long bytes) {}

  private final ByteOrder order;
  private int version = 3;
  private long alignment = 32;
  private final List<Kv> kvs = new ArrayList<>();
  private final List<Tensor> tensors = new ArrayList<>();

  TestGgufWriter(ByteOrder order) {
    this.order = order;
  }

  TestGgufWriter version(int v) {
    version = v;
    return this;
  }

  TestGgufWriter kv(String key, GgufValueType type, Object value) {
    kvs.add(new Kv(key, type, value));
    if (key.equals("general.alignment")) alignment = (Long) value;
    return this;
  }

  /** A tensor with data ({@code data.length} bytes), or header-only when data is null. */
  TestGgufWriter tensor(String name, List<Long> dims, int typeId, byte[] data, long bytes) {
    tensors.add(new Tensor(name, dims, typeId, data, bytes));
    return this;
  }

  /** Every key of {@code f} except those {@code skip} names. */
  TestGgufWriter metadataOf(GgufFile f, List<String> skip) {
    for (Map.Entry<String, GgufValue> e : f.metadata().asMap().entrySet()) {
      if (!skip.contains(e.getKey())) kv(e.getKey(), e.getValue().type(), plain(e.getValue()));
    }
    return this;
  }

  /** A tensor of {@code f} with its data, the elements of F32/F16/BF16 swapped to this order. */
  TestGgufWriter tensorOf(GgufFile f, TensorInfo t) {
    boolean present = t.endOffset() <= f.fileBytes();
    byte[] data = null;
    if (present) {
      ByteBuffer b = f.tensorData(t);
      data = new byte[b.remaining()];
      b.get(data);
      if (f.byteOrder() != order) swapElements(data, t.type());
    }
    return tensor(t.name(), t.dims(), t.typeId(), data, t.bytes());
  }

  /** A whole copy of {@code f} in this writer's byte order. */
  static TestGgufWriter copyOf(GgufFile f, ByteOrder order) {
    TestGgufWriter w = new TestGgufWriter(order).metadataOf(f, List.of());
    for (TensorInfo t : f.tensors()) w.tensorOf(f, t);
    return w;
  }

  private static void swapElements(byte[] data, GgmlType type) {
    int width = type == GgmlType.F32 ? 4 : type == GgmlType.F16 || type == GgmlType.BF16 ? 2 : 1;
    for (int i = 0; i + width <= data.length; i += width) {
      for (int a = i, b = i + width - 1; a < b; a++, b--) {
        byte x = data[a];
        data[a] = data[b];
        data[b] = x;
      }
    }
  }

  static Object plain(GgufValue v) {
    if (v.type() != GgufValueType.ARRAY) return v.raw();
    GgufArray a = v.asArray();
    List<Object> out = new ArrayList<>();
    for (GgufValue e : a.values()) out.add(plain(e));
    return new Arr(a.elementType(), out);
  }

  Path write(Path path) {
    try {
      Files.write(path, bytes());
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] bytes() {
    Out o = new Out();
    o.raw("GGUF".getBytes(StandardCharsets.US_ASCII));
    o.u32(version);
    o.u64(tensors.size());
    o.u64(kvs.size());
    for (Kv kv : kvs) {
      o.string(kv.key());
      o.u32(kv.type().id());
      value(o, kv.type(), kv.value());
    }
    long offset = 0;
    for (Tensor t : tensors) {
      o.string(t.name());
      o.u32(t.dims().size());
      t.dims().forEach(o::u64);
      o.u32(t.typeId());
      o.u64(offset);
      offset = GgufReader.alignUp(offset + t.bytes(), alignment);
    }
    if (!tensors.isEmpty()) o.pad(alignment); // llama.cpp's vocab-only files end unpadded
    for (Tensor t : tensors) {
      if (t.data() == null) break; // header-only: the data are cut off
      o.raw(t.data());
      o.pad(alignment);
    }
    return o.bytes.toByteArray();
  }

  private void value(Out o, GgufValueType type, Object v) {
    switch (type) {
      case UINT8, INT8, BOOL ->
          o.raw(
              new byte[] {
                type == GgufValueType.BOOL ? (byte) ((Boolean) v ? 1 : 0) : ((Long) v).byteValue()
              });
      case UINT16, INT16 ->
          o.put(ByteBuffer.allocate(2).order(order).putShort(((Long) v).shortValue()));
      case UINT32, INT32 -> o.u32(((Long) v).intValue());
      case UINT64, INT64 -> o.u64((Long) v);
      case FLOAT32 ->
          o.put(ByteBuffer.allocate(4).order(order).putFloat(((Double) v).floatValue()));
      case FLOAT64 -> o.put(ByteBuffer.allocate(8).order(order).putDouble((Double) v));
      case STRING -> o.string((String) v);
      case ARRAY -> {
        Arr a = (Arr) v;
        o.u32(a.elementType().id());
        o.u64(a.elements().size());
        for (Object e : a.elements()) value(o, a.elementType(), e);
      }
    }
  }

  private final class Out {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    void raw(byte[] b) {
      bytes.write(b, 0, b.length);
    }

    void put(ByteBuffer b) {
      raw(b.array());
    }

    void u32(long v) {
      put(ByteBuffer.allocate(4).order(order).putInt((int) v));
    }

    void u64(long v) {
      put(ByteBuffer.allocate(8).order(order).putLong(v));
    }

    void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      u64(b.length);
      raw(b);
    }

    void pad(long alignment) {
      while (bytes.size() % alignment != 0) bytes.write(0);
    }
  }
}
