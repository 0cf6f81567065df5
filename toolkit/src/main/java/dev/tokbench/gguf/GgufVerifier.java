package dev.tokbench.gguf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The integrity checks behind {@link GgufFile#verify()}. */
final class GgufVerifier {
  private GgufVerifier() {}

  static List<String> problems(GgufFile f) {
    List<String> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (TensorInfo t : f.tensors()) {
      if (!names.add(t.name())) out.add("duplicate tensor name " + t.name());
      if (!t.hasKnownType()) out.add("tensor " + t.name() + " has unknown ggml type " + t.typeId());
      if (t.offset() % f.alignment() != 0) {
        out.add(
            "tensor "
                + t.name()
                + " offset "
                + t.offset()
                + " is not a multiple of the alignment "
                + f.alignment());
      }
    }
    overlaps(f, out);
    truncation(f, out);
    return List.copyOf(out);
  }

  private static void overlaps(GgufFile f, List<String> out) {
    List<TensorInfo> sized = new ArrayList<>();
    for (TensorInfo t : f.tensors()) if (t.hasKnownType()) sized.add(t);
    sized.sort(Comparator.comparingLong(TensorInfo::fileOffset));
    for (int i = 1; i < sized.size(); i++) {
      TensorInfo a = sized.get(i - 1);
      TensorInfo b = sized.get(i);
      if (a.endOffset() > b.fileOffset()) {
        out.add(
            "tensors "
                + a.name()
                + " ["
                + a.fileOffset()
                + ", "
                + a.endOffset()
                + ") and "
                + b.name()
                + " ["
                + b.fileOffset()
                + ", "
                + b.endOffset()
                + ") overlap");
      }
    }
  }

  /** One problem for a short file, however many tensors lie past its end. */
  private static void truncation(GgufFile f, List<String> out) {
    long end = 0; // a file without tensors (a vocabulary) may end before the aligned data offset
    int past = 0;
    for (TensorInfo t : f.tensors()) {
      if (!t.hasKnownType()) continue;
      end = Math.max(end, t.endOffset());
      if (t.endOffset() > f.fileBytes()) past++;
    }
    if (end > f.fileBytes()) {
      out.add(
          String.format(
              "truncated: the data end at byte %d but the file has %d bytes (%d bytes missing;"
                  + " %d of %d tensors incomplete)",
              end, f.fileBytes(), end - f.fileBytes(), past, f.tensors().size()));
    }
  }
}
