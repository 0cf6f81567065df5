package dev.tokbench.gguf;

import dev.tokbench.FileReadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * NaN and infinity in tensor data, found where llama.cpp's {@code ggml_validate_row_data} (what
 * {@code --check-tensors} runs) looks: every value of F32, F16, BF16 and F64 tensors, and the
 * scales of quantized blocks ({@code d}, and {@code m}/{@code dmin} where the block has one). Other
 * types (integers, IQ1_M, MXFP4) are not checked. Data are streamed in chunks, so tensors over 2
 * GiB and models larger than memory are fine.
 */
final class TensorValues {
  private static final int CHUNK = 1 << 20;

  private TensorValues() {}

  /** Where a type keeps what can be NaN or infinite. */
  private enum Kind {
    F32_VALUES,
    F64_VALUES,
    F16_VALUES,
    BF16_VALUES,
    HALF_SCALES,
    FLOAT_SCALE
  }

  private record Layout(Kind kind, int... offsets) {}

  private static Layout layout(GgmlType t) {
    return switch (t) {
      case F32 -> new Layout(Kind.F32_VALUES);
      case F64 -> new Layout(Kind.F64_VALUES);
      case F16 -> new Layout(Kind.F16_VALUES);
      case BF16 -> new Layout(Kind.BF16_VALUES);
      // ggml-common.h: offsets of the ggml_half scales inside each block
      case Q4_0, Q5_0, Q8_0, IQ2_XXS, IQ2_XS, IQ2_S, IQ3_XXS, IQ3_S, IQ1_S, IQ4_NL, IQ4_XS ->
          new Layout(Kind.HALF_SCALES, 0);
      case Q4_1, Q5_1, Q4_K, Q5_K -> new Layout(Kind.HALF_SCALES, 0, 2);
      case Q2_K -> new Layout(Kind.HALF_SCALES, 80, 82);
      case Q3_K -> new Layout(Kind.HALF_SCALES, 108);
      case Q6_K -> new Layout(Kind.HALF_SCALES, 208);
      case TQ1_0 -> new Layout(Kind.HALF_SCALES, 52);
      case TQ2_0 -> new Layout(Kind.HALF_SCALES, 64);
      case Q8_K -> new Layout(Kind.FLOAT_SCALE, 0);
      default -> null;
    };
  }

  /** True when llama.cpp's checks cover {@code type}. */
  static boolean checks(GgmlType type) {
    return layout(type) != null;
  }

  /** One line per tensor holding NaN or infinity, with the first place and the counts. */
  static List<String> problems(GgufFile f) {
    List<String> out = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(f.byteOrder());
      for (TensorInfo t : f.tensors()) {
        // unknown types and truncated tensors are verify()'s to report
        if (!t.hasKnownType() || t.endOffset() > f.fileBytes() || !checks(t.type())) continue;
        Finding found = scan(ch, buf, t);
        if (found.bad > 0) out.add(found.describe(t));
      }
    } catch (IOException e) {
      throw FileReadException.of(f.path(), e);
    }
    return List.copyOf(out);
  }

  private static Finding scan(FileChannel ch, ByteBuffer buf, TensorInfo t) throws IOException {
    int unit = (int) t.type().typeSize();
    Finding found = new Finding(layout(t.type()).kind(), unit);
    long done = 0;
    long total = t.bytes();
    int chunk = CHUNK / unit * unit;
    while (done < total) {
      buf.clear().limit((int) Math.min(chunk, total - done));
      while (buf.hasRemaining()) {
        if (ch.read(buf, t.fileOffset() + done + buf.position()) < 0) {
          throw new IOException("file ended inside tensor " + t.name());
        }
      }
      buf.flip();
      check(t.type(), buf, done / unit, found);
      done += buf.limit();
    }
    return found;
  }

  /**
   * Checks whole units (values or blocks) of {@code type} in {@code data}: the first bad one, or
   * -1.
   */
  static long firstBad(GgmlType type, ByteBuffer data) {
    Layout l = layout(type);
    if (l == null) throw new IllegalArgumentException(type + " is not checked");
    Finding found = new Finding(l.kind(), (int) type.typeSize());
    check(type, data, 0, found);
    return found.bad == 0 ? -1 : found.first;
  }

  private static void check(GgmlType type, ByteBuffer data, long first, Finding found) {
    Layout l = layout(type);
    int unit = (int) type.typeSize();
    int units = data.limit() / unit;
    for (int i = 0; i < units; i++) {
      int at = i * unit;
      int state = 0; // 0 finite, 1 NaN, 2 infinite
      switch (l.kind()) {
        case F32_VALUES -> state = state(data.getFloat(at));
        case F64_VALUES -> state = state(data.getDouble(at));
        case F16_VALUES -> state = halfState(data.getShort(at));
        case BF16_VALUES -> state = bf16State(data.getShort(at));
        case FLOAT_SCALE -> state = state(data.getFloat(at + l.offsets()[0]));
        case HALF_SCALES -> {
          for (int off : l.offsets()) state = Math.max(state, halfState(data.getShort(at + off)));
        }
      }
      if (state != 0) found.add(first + i, state);
    }
  }

  private static int state(double v) {
    return Double.isNaN(v) ? 1 : Double.isInfinite(v) ? 2 : 0;
  }

  /** IEEE half: exponent all ones is infinity (mantissa 0) or NaN. */
  private static int halfState(short h) {
    if ((h & 0x7c00) != 0x7c00) return 0;
    return (h & 0x03ff) == 0 ? 2 : 1;
  }

  private static int bf16State(short h) {
    if ((h & 0x7f80) != 0x7f80) return 0;
    return (h & 0x007f) == 0 ? 2 : 1;
  }

  /** Counts for one tensor and where the first bad unit is. */
  private static final class Finding {
    private final Kind kind;
    private final int unit;
    long bad;
    long nans;
    long first = -1;

    Finding(Kind kind, int unit) {
      this.kind = kind;
      this.unit = unit;
    }

    void add(long index, int state) {
      if (bad++ == 0) first = index;
      if (state == 1) nans++;
    }

    String describe(TensorInfo t) {
      boolean values = kind != Kind.HALF_SCALES && kind != Kind.FLOAT_SCALE;
      String what =
          (values ? "value" : "block")
              + (bad == 1 ? "" : "s")
              + (values ? "" : " with a NaN or infinite scale");
      return String.format(
          "tensor %s (%s): %d %s (%d NaN, %d infinite); the first is %s %d at byte %d",
          t.name(),
          t.typeName(),
          bad,
          what,
          nans,
          bad - nans,
          values ? "element" : "block",
          first,
          t.fileOffset() + first * unit);
    }
  }
}
