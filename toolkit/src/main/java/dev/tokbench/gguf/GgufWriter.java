package dev.tokbench.gguf;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a GGUF v3 file: metadata of every value type, tensors aligned as the reader expects,
 * little- or big-endian. Tensor bytes are streamed from each {@link TensorData} in turn, so a model
 * is never whole in memory; the file is written under a temporary name in the target folder and
 * moved into place only once complete.
 *
 * <pre>{@code
 * GgufWriter.create()
 *     .string("general.architecture", "llama")
 *     .uint32("llama.block_count", 2)
 *     .array("tokenizer.ggml.tokens", GgufValueType.STRING, tokens)
 *     .tensor("output_norm.weight", GgmlType.F32, List.of(256L), data)
 *     .write(Path.of("model.gguf"));
 * }</pre>
 */
public final class GgufWriter {
  /** {@code GGML_MAX_NAME}: a tensor name is at most 63 bytes plus its terminator. */
  static final int MAX_NAME_BYTES = 63;

  /** {@code GGML_MAX_DIMS}. */
  static final int MAX_DIMS = 4;

  private final Map<String, Entry> metadata = new LinkedHashMap<>();
  private final Map<String, Tensor> tensors = new LinkedHashMap<>();
  private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
  private int alignment = 32;

  /** One metadata key with its type and value. */
  record Entry(String key, GgufValueType type, Object value) {}

  /** A metadata array: its element type and elements (nested arrays are {@code TypedArray}s). */
  public record TypedArray(GgufValueType elementType, List<?> values) {
    public TypedArray {
      Objects.requireNonNull(elementType, "elementType");
      values = List.copyOf(values);
      String problem = MetadataEncoder.checkArray(elementType, values);
      if (problem != null)
        throw new GgufWriteException(null, "array of " + elementType + ": " + problem);
    }
  }

  /**
   * One tensor to write.
   *
   * @param dims dimensions in ggml order: {@code dims.get(0)} is the row length
   */
  public record Tensor(String name, GgmlType type, List<Long> dims, TensorData data) {
    public Tensor {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(data, "data");
      dims = List.copyOf(dims);
    }

    public long elements() {
      return dims.stream().reduce(1L, Math::multiplyExact);
    }

    public long bytes() {
      return type.bytesFor(elements());
    }
  }

  private GgufWriter() {}

  /** An empty file: no metadata, no tensors, little-endian, 32-byte alignment. */
  public static GgufWriter create() {
    return new GgufWriter();
  }

  /** The byte order of every number in the file (GGUF's default is little-endian). */
  public GgufWriter byteOrder(ByteOrder byteOrder) {
    this.order = Objects.requireNonNull(byteOrder);
    return this;
  }

  /**
   * {@code general.alignment}: tensor data start at multiples of it. Written as metadata only when
   * it differs from the default 32.
   */
  public GgufWriter alignment(int bytes) {
    if (bytes < 8 || bytes > (1 << 30) || Integer.bitCount(bytes) != 1) {
      throw new GgufWriteException(null, "alignment must be a power of two from 8, got " + bytes);
    }
    this.alignment = bytes;
    return this;
  }

  /** A metadata value of any type; {@code value} must fit it (e.g. a Long in range for UINT32). */
  public GgufWriter put(String key, GgufValueType type, Object value) {
    if (key == null || key.isEmpty()) throw new GgufWriteException(null, "empty metadata key");
    String problem = MetadataEncoder.check(type, value);
    if (problem != null) throw new GgufWriteException(null, "metadata " + key + ": " + problem);
    if (key.equals("general.alignment")) {
      throw new GgufWriteException(null, "set general.alignment with alignment(bytes)");
    }
    metadata.put(key, new Entry(key, type, value));
    return this;
  }

  public GgufWriter string(String key, String value) {
    return put(key, GgufValueType.STRING, value);
  }

  public GgufWriter uint32(String key, long value) {
    return put(key, GgufValueType.UINT32, value);
  }

  public GgufWriter int32(String key, int value) {
    return put(key, GgufValueType.INT32, value);
  }

  public GgufWriter float32(String key, float value) {
    return put(key, GgufValueType.FLOAT32, value);
  }

  public GgufWriter bool(String key, boolean value) {
    return put(key, GgufValueType.BOOL, value);
  }

  /** An array metadata value whose elements all have {@code elementType}. */
  public GgufWriter array(String key, GgufValueType elementType, List<?> values) {
    return put(key, GgufValueType.ARRAY, new TypedArray(elementType, values));
  }

  /**
   * Every key of {@code source} (another file's metadata), with its type; {@code general.alignment}
   * becomes {@link #alignment(int)}.
   */
  public GgufWriter putAll(GgufMetadata source) {
    for (Map.Entry<String, GgufValue> e : source.asMap().entrySet()) {
      if (e.getKey().equals("general.alignment")) {
        alignment(Math.toIntExact(e.getValue().asLong()));
      } else {
        put(e.getKey(), e.getValue().type(), plain(e.getValue()));
      }
    }
    return this;
  }

  private static Object plain(GgufValue v) {
    // the reader keeps a uint64's bits in a Long; above 2^63 - 1 that Long is negative
    if (v.type() == GgufValueType.UINT64) {
      return new BigInteger(Long.toUnsignedString((Long) v.raw()));
    }
    if (v.type() != GgufValueType.ARRAY) return v.raw();
    GgufArray a = v.asArray();
    List<Object> values = new ArrayList<>(a.size());
    for (GgufValue e : a.values()) values.add(plain(e));
    return new TypedArray(a.elementType(), values);
  }

  /**
   * A tensor, written in the order added.
   *
   * @param dims dimensions in ggml order, {@code dims.get(0)} the row length (1 to 4 of them)
   * @throws GgufWriteException for a duplicate or over-long name or an impossible shape
   */
  public GgufWriter tensor(String name, GgmlType type, List<Long> dims, TensorData data) {
    Tensor t = new Tensor(name, type, dims, data);
    String problem = TensorChecks.problem(t, tensors.keySet());
    if (problem != null) throw new GgufWriteException(null, "tensor " + name + ": " + problem);
    tensors.put(name, t);
    return this;
  }

  /** The tensors added so far, in file order. */
  public List<Tensor> tensors() {
    return List.copyOf(tensors.values());
  }

  /** Bytes of tensor data, padding excluded (llama-bench's {@code model_size}). */
  public long tensorBytes() {
    return tensors.values().stream().mapToLong(Tensor::bytes).sum();
  }

  /** Encodes everything before the tensor data: header, metadata, tensor infos, padding. */
  byte[] header() {
    MetadataEncoder e = new MetadataEncoder(order);
    List<Entry> entries = new ArrayList<>(metadata.values());
    if (alignment != 32) {
      entries.add(0, new Entry("general.alignment", GgufValueType.UINT32, (long) alignment));
    }
    // uint32_t magic "GGUF" as bytes; uint32_t version; uint64_t tensor_count, metadata_kv_count
    e.raw(new byte[] {'G', 'G', 'U', 'F'}).u32(3).u64(tensors.size()).u64(entries.size());
    for (Entry m : entries) e.string(m.key()).u32(m.type().id()).value(m.type(), m.value());
    long offset = 0;
    for (Tensor t : tensors.values()) {
      e.string(t.name()).u32(t.dims().size());
      for (long d : t.dims()) e.u64(d);
      e.u32(t.type().id()).u64(offset);
      offset = alignUp(offset + t.bytes());
    }
    return e.padTo(alignment).bytes();
  }

  long alignUp(long n) {
    return (n + alignment - 1) / alignment * alignment;
  }

  ByteOrder order() {
    return order;
  }

  /**
   * Writes the file, replacing any file at {@code path} only once the new one is complete.
   *
   * @return {@code path}
   * @throws GgufWriteException if the folder is missing or read-only, the disk is full, or a tensor
   *     produced the wrong number of bytes; no file is left under {@code path}'s name
   */
  public Path write(Path path) {
    return new GgufFileSink(this, path).write();
  }

  @Override
  public String toString() {
    return "GgufWriter["
        + metadata.size()
        + " metadata, "
        + tensors.size()
        + " tensors, "
        + tensorBytes()
        + " tensor bytes, "
        + order
        + "]";
  }
}
