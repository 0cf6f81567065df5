package dev.tokbench.gguf;

import java.io.IOException;

/**
 * The bytes of one tensor, produced on demand while {@link GgufWriter} streams the file, so a model
 * never has to sit in memory whole. Bytes are in ggml's little-endian block layout; the writer
 * converts them for a big-endian file.
 */
@FunctionalInterface
public interface TensorData {
  /** Writes exactly the tensor's bytes to {@code out}, in order, in any number of pieces. */
  void writeTo(Sink out) throws IOException;

  /** Where tensor bytes go. */
  @FunctionalInterface
  interface Sink {
    void write(byte[] bytes, int offset, int length) throws IOException;
  }

  /** Bytes already in memory (small tensors, tests). */
  static TensorData of(byte[] bytes) {
    byte[] copy = bytes.clone();
    return out -> out.write(copy, 0, copy.length);
  }
}
