package dev.tokbench.gguf;

import dev.tokbench.FileReadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Parses the GGUF header, metadata and tensor infos through a read-only memory map. Only the pages
 * the header touches are read, so the tensor data (gigabytes for an 8B model) cost nothing. Layout
 * per ggml's docs/gguf.md: {@code uint32 magic; uint32 version; uint64 tensor_count; uint64
 * metadata_kv_count; gguf_metadata_kv_t[]; gguf_tensor_info_t[]; padding; tensor data}.
 */
final class GgufReader {
  static final int MAGIC_BYTES = 4;

  /** {@code GGML_MAX_DIMS} in ggml.h; llama.cpp's loader refuses more. */
  static final int MAX_DIMS = 4;

  /** {@code GGUF_DEFAULT_ALIGNMENT}: used when {@code general.alignment} is absent. */
  static final long DEFAULT_ALIGNMENT = 32;

  /** The fewest bytes a tensor info takes: name length, n_dims, type, offset. */
  private static final int MIN_TENSOR_INFO_BYTES = 8 + 4 + 4 + 8;

  /** The fewest bytes a key-value pair takes: key length, type, a one-byte value. */
  private static final int MIN_KV_BYTES = 8 + 4 + 1;

  private GgufReader() {}

  static GgufFile read(Path path) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      // A mapping costs address space, not I/O; the header never needs more than 2 GiB.
      ByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE));
      return parse(new GgufCursor(path, map.order(ByteOrder.LITTLE_ENDIAN), 0, size), map, size);
    } catch (IOException e) {
      throw FileReadException.of(path, e);
    }
  }

  /** Parses bytes already in memory as if they were the file {@code path} (tests, fuzzing). */
  static GgufFile read(Path path, ByteBuffer bytes) {
    ByteBuffer b = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    return parse(new GgufCursor(path, b, 0, b.capacity()), b, b.capacity());
  }

  private static GgufFile parse(GgufCursor c, ByteBuffer map, long size) {
    magic(c);
    int version = version(c);
    long tensorCount = c.count("uint64 tensor_count", MIN_TENSOR_INFO_BYTES);
    long kvCount = c.count("uint64 metadata_kv_count", MIN_KV_BYTES);
    GgufMetadata metadata = metadata(c, kvCount);
    long alignment = alignment(c, metadata);
    List<RawTensor> raw = new ArrayList<>();
    for (long i = 0; i < tensorCount; i++) raw.add(tensorInfo(c));
    long dataOffset = alignUp(c.offset(), alignment);
    List<TensorInfo> tensors = new ArrayList<>(raw.size());
    for (RawTensor t : raw) tensors.add(t.at(c, dataOffset));
    return new GgufFile(
        c.path(), size, version, c.order(), metadata, tensors, alignment, dataOffset, map);
  }

  private static void magic(GgufCursor c) {
    c.need(MAGIC_BYTES, "the magic 'GGUF'");
    byte[] m = new byte[MAGIC_BYTES];
    for (int i = 0; i < MAGIC_BYTES; i++) m[i] = (byte) c.u8("magic");
    String s = new String(m, StandardCharsets.ISO_8859_1);
    if (!s.equals("GGUF")) {
      throw c.error(
          0, "not a GGUF file: it starts with " + GgufValue.quote(s, 4) + ", expected \"GGUF\"");
    }
  }

  /**
   * {@code uint32 version}, which also tells the byte order: gguf-py writes big-endian files with
   * the same magic bytes, so a little-endian read of their version has its low 16 bits zero.
   */
  private static int version(GgufCursor c) {
    long at = c.offset();
    long v = c.u32("uint32 version");
    if ((v & 0xffff) == 0 && v != 0) {
      c.order(ByteOrder.BIG_ENDIAN);
      v = Integer.reverseBytes((int) v) & 0xffff_ffffL;
    }
    if (v == 1) {
      throw c.error(
          at,
          "GGUF version 1 is not supported (llama.cpp dropped it in 2023);"
              + " re-convert the model with a current llama.cpp");
    }
    if (v != 2 && v != 3) {
      throw c.error(at, "unsupported GGUF version " + v + " (versions 2 and 3 are supported)");
    }
    return (int) v;
  }

  private static GgufMetadata metadata(GgufCursor c, long kvCount) {
    LinkedHashMap<String, GgufValue> kv = new LinkedHashMap<>();
    for (long i = 0; i < kvCount; i++) {
      long at = c.offset();
      String key = c.string("metadata key");
      GgufValueType type = GgufValues.type(c, "value type of " + GgufValue.shortName(key));
      if (kv.put(key, GgufValues.read(c, type, 0)) != null) {
        throw c.error(at, "duplicate metadata key " + GgufValue.quote(key, 80));
      }
    }
    return new GgufMetadata(c.path(), kv);
  }

  /** {@code general.alignment}: a power of two, 32 when absent. */
  private static long alignment(GgufCursor c, GgufMetadata metadata) {
    GgufValue v = metadata.get("general.alignment").orElse(null);
    if (v == null) return DEFAULT_ALIGNMENT;
    long a = v.asLong();
    if (a <= 0 || Long.bitCount(a) != 1 || a > (1 << 30)) {
      throw c.error(v.offset(), "general.alignment " + a + " is not a power of two up to 2^30");
    }
    return a;
  }

  private static RawTensor tensorInfo(GgufCursor c) {
    long at = c.offset();
    String name = c.string("tensor name");
    String shown = GgufValue.shortName(name);
    long nDims = c.u32("uint32 n_dimensions of " + shown);
    if (nDims > MAX_DIMS) {
      throw c.error(
          at, "tensor " + shown + " has " + nDims + " dimensions; ggml allows " + MAX_DIMS);
    }
    List<Long> dims = new ArrayList<>((int) nDims);
    for (int d = 0; d < nDims; d++) {
      long n = c.i64("uint64 dimensions of " + shown);
      if (n < 0)
        throw c.error(at, "tensor " + shown + " has dimension " + Long.toUnsignedString(n));
      dims.add(n);
    }
    long typeId = c.u32("uint32 type of " + shown);
    long offset = c.i64("uint64 offset of " + shown);
    if (typeId > Integer.MAX_VALUE || offset < 0) {
      throw c.error(at, "tensor " + shown + " has type " + typeId + " and offset " + offset);
    }
    return new RawTensor(name, dims, (int) typeId, offset, at);
  }

  static long alignUp(long offset, long alignment) {
    return (offset + alignment - 1) / alignment * alignment;
  }

  /** A tensor info before the data offset is known. */
  private static final class RawTensor {
    final String name;
    final List<Long> dims;
    final int typeId;
    final long offset;
    final long at;

    RawTensor(String name, List<Long> dims, int typeId, long offset, long at) {
      this.name = name;
      this.dims = dims;
      this.typeId = typeId;
      this.offset = offset;
      this.at = at;
    }

    TensorInfo at(GgufCursor c, long dataOffset) {
      long elements = 1;
      try {
        for (long d : dims) elements = Math.multiplyExact(elements, d);
        TensorInfo t =
            new TensorInfo(name, dims, typeId, offset, Math.addExact(dataOffset, offset), elements);
        if (t.hasKnownType()) checkBlocks(c, t);
        return t;
      } catch (ArithmeticException e) {
        throw c.error(
            at,
            "tensor "
                + GgufValue.shortName(name)
                + " with dimensions "
                + dims
                + " overflows 64 bits");
      }
    }

    /** As llama.cpp's gguf.cpp: the row length must be a whole number of blocks. */
    private void checkBlocks(GgufCursor c, TensorInfo t) {
      int block = t.type().blockSize();
      long row = dims.isEmpty() ? 1 : dims.get(0);
      if (row % block != 0) {
        throw c.error(
            at,
            "tensor "
                + GgufValue.shortName(name)
                + " of type "
                + t.type()
                + " has row length "
                + row
                + ", not a multiple of the block size "
                + block);
      }
      Math.addExact(t.fileOffset(), t.bytes());
    }
  }
}
