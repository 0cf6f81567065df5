package dev.tokbench.gguf;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** What makes a tensor impossible to write, in words. */
final class TensorChecks {
  private TensorChecks() {}

  /** The problem with {@code t} given the names already taken, or null when it can be written. */
  static String problem(GgufWriter.Tensor t, Set<String> taken) {
    int nameBytes = t.name().getBytes(StandardCharsets.UTF_8).length;
    if (nameBytes == 0) return "empty name";
    if (nameBytes > GgufWriter.MAX_NAME_BYTES) {
      return "name of " + nameBytes + " bytes; ggml allows " + GgufWriter.MAX_NAME_BYTES;
    }
    if (taken.contains(t.name())) return "a tensor of that name was already added";
    if (t.dims().isEmpty() || t.dims().size() > GgufWriter.MAX_DIMS) {
      return t.dims().size() + " dimensions; ggml allows 1 to " + GgufWriter.MAX_DIMS;
    }
    for (long d : t.dims()) {
      if (d < 1) return "dimension " + d + " in " + t.dims() + "; every dimension must be >= 1";
    }
    long row = t.dims().get(0);
    if (row % t.type().blockSize() != 0) {
      return "rows of "
          + row
          + " elements are not a whole number of "
          + t.type()
          + " blocks ("
          + t.type().blockSize()
          + " elements each)";
    }
    try {
      t.bytes();
    } catch (ArithmeticException e) {
      return "shape " + t.dims() + " overflows 64 bits";
    }
    return null;
  }
}
