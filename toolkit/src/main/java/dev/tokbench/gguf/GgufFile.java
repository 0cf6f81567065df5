package dev.tokbench.gguf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed GGUF file: header, metadata and tensor infos. Immutable; holds no open file. Get one
 * with {@link Gguf#read}; then {@link #summary()}, {@link #verify()}, {@link #tensorData}.
 */
public final class GgufFile {
  private final Path path;
  private final long fileBytes;
  private final int version;
  private final ByteOrder byteOrder;
  private final GgufMetadata metadata;
  private final List<TensorInfo> tensors;
  private final Map<String, TensorInfo> byName;
  private final long alignment;
  private final long dataOffset;
  private final ByteBuffer map;

  GgufFile(
      Path path,
      long fileBytes,
      int version,
      ByteOrder byteOrder,
      GgufMetadata metadata,
      List<TensorInfo> tensors,
      long alignment,
      long dataOffset,
      ByteBuffer map) {
    this.path = path;
    this.fileBytes = fileBytes;
    this.version = version;
    this.byteOrder = byteOrder;
    this.metadata = metadata;
    this.tensors = List.copyOf(tensors);
    Map<String, TensorInfo> names = new HashMap<>();
    for (TensorInfo t : this.tensors) names.putIfAbsent(t.name(), t);
    this.byName = names;
    this.alignment = alignment;
    this.dataOffset = dataOffset;
    this.map = map;
  }

  public Path path() {
    return path;
  }

  /** The size of the file on disk. */
  public long fileBytes() {
    return fileBytes;
  }

  /** The GGUF version: 2 or 3. */
  public int version() {
    return version;
  }

  /** The file's byte order, detected from the version field. */
  public ByteOrder byteOrder() {
    return byteOrder;
  }

  public GgufMetadata metadata() {
    return metadata;
  }

  /** The tensor infos in file order. */
  public List<TensorInfo> tensors() {
    return tensors;
  }

  /** The tensor with this name (the first, should a broken file repeat one). */
  public Optional<TensorInfo> tensor(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** {@code general.alignment}, or 32 when absent. */
  public long alignment() {
    return alignment;
  }

  /** Where the tensor data section starts: the end of the tensor infos, aligned. */
  public long dataOffset() {
    return dataOffset;
  }

  /**
   * A read-only, memory-mapped view of one tensor's data, in the file's byte order. Mapping reads
   * nothing until the bytes are touched.
   *
   * @throws GgufFormatException if the file is too short for the tensor (a truncated download)
   * @throws IllegalArgumentException if the tensor is over 2 GiB, the most one ByteBuffer holds
   */
  public ByteBuffer tensorData(TensorInfo t) {
    long bytes = t.bytes();
    if (t.fileOffset() + bytes > fileBytes) {
      throw new GgufFormatException(
          path,
          t.fileOffset(),
          "tensor "
              + GgufValue.shortName(t.name())
              + " needs "
              + bytes
              + " bytes but the file ends at byte "
              + fileBytes
              + " ("
              + (t.fileOffset() + bytes - fileBytes)
              + " bytes missing)");
    }
    if (bytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "tensor "
              + GgufValue.shortName(t.name())
              + " is "
              + bytes
              + " bytes; one ByteBuffer holds at most 2 GiB");
    }
    if (t.fileOffset() + bytes <= map.capacity()) {
      return map.slice((int) t.fileOffset(), (int) bytes).asReadOnlyBuffer().order(byteOrder);
    }
    return mapSlice(t.fileOffset(), bytes);
  }

  private ByteBuffer mapSlice(long offset, long bytes) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return ch.map(FileChannel.MapMode.READ_ONLY, offset, bytes).order(byteOrder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map " + path + ": " + e.getMessage(), e);
    }
  }

  /** The model at a glance: architecture, quantization, sizes, shapes, KV-cache cost. */
  public ModelSummary summary() {
    return ModelSummary.of(List.of(this));
  }

  /**
   * Integrity problems, empty when none: tensor offsets aligned, in bounds, not overlapping, the
   * file long enough for its data (a truncated download says how many bytes are missing).
   */
  public List<String> verify() {
    return GgufVerifier.problems(this);
  }

  /**
   * NaN and infinity in the tensor data, one line per tensor that has any, as llama.cpp's {@code
   * --check-tensors} finds them: the values of float tensors and the scales of quantized blocks.
   * Unlike {@link #verify()} this reads every byte of the data.
   */
  public List<String> checkTensors() {
    return TensorValues.problems(this);
  }

  @Override
  public String toString() {
    return "GgufFile["
        + path.getFileName()
        + ", v"
        + version
        + (byteOrder == ByteOrder.BIG_ENDIAN ? " big-endian" : "")
        + ", "
        + metadata.size()
        + " keys, "
        + tensors.size()
        + " tensors, data at "
        + dataOffset
        + "]";
  }
}
