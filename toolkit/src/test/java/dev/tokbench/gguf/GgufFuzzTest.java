package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.tables.Tables;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutates the real fixtures (flipped bytes, truncation at every structural boundary, huge counts
 * and lengths, unknown types, wild offsets) and demands that each input ends in a {@link
 * GgufFormatException} naming an offset inside the file, or in a result whose summary, integrity
 * check, tables and tensor data can all be used. Seeded, so a failure replays; bounded, so it stays
 * quick. The timeout only guards against a hang.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GgufFuzzTest {
  private static final long SEED = 20_261_125L;
  private static final long[] HUGE_U64 = {
    -1L, 1L << 62, 1L << 32, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 0, 1
  };
  private static final int[] ODD_U32 = {-1, 13, 99, 40, 255, 5, Integer.MAX_VALUE, 0};

  private final Random random = new Random(SEED);
  private int inputs;
  private int rejected;

  /** Parses {@code bytes} and uses everything the result offers; fails on any other outcome. */
  private void check(byte[] bytes, String what) {
    inputs++;
    Path name = Path.of("fuzz.gguf");
    try {
      GgufFile f = GgufReader.read(name, ByteBuffer.wrap(bytes));
      use(f, inputs % 4 == 0, inputs % 32 == 0);
    } catch (GgufFormatException e) {
      rejected++;
      assertThat(e.offset()).as(what + ": " + e.getMessage()).isBetween(0L, (long) bytes.length);
      assertThat(e.getMessage()).as(what).contains("fuzz.gguf: at byte offset " + e.offset());
    } catch (RuntimeException | Error e) {
      throw new AssertionError(what + " (seed " + SEED + ") threw " + e, e);
    }
  }

  /**
   * Uses everything a parsed file offers: summary, integrity check, tables, values, tensor data.
   */
  static void use(GgufFile f, boolean arrays, boolean tables) {
    f.summary().toString();
    f.verify();
    if (tables) {
      Tables.tensors(f);
      Tables.metadata(f);
    }
    for (GgufValue v : f.metadata().asMap().values()) {
      if (arrays && v.type() == GgufValueType.ARRAY && v.asArray().size() < 5_000) {
        v.asArray().values();
      }
      v.toString();
    }
    for (TensorInfo t : f.tensors()) {
      if (t.hasKnownType() && t.bytes() < Integer.MAX_VALUE) {
        try {
          f.tensorData(t);
        } catch (GgufFormatException truncated) {
          // a tensor past the end of the file: reported, as it should be
        }
      }
    }
    ModelSummary s = f.summary();
    s.kvBytesPerToken(GgmlType.Q8_0);
    s.kvCacheBytes(GgmlType.F16, s.contextLength());
  }

  /** The offsets where a field starts: header fields, every key/value, every tensor info field. */
  private static List<Fields> fields(byte[] bytes) {
    GgufFile f = GgufReader.read(Path.of("x"), ByteBuffer.wrap(bytes));
    List<Fields> out = new ArrayList<>();
    out.add(new Fields(8, true)); // uint64 tensor_count
    out.add(new Fields(16, true)); // uint64 metadata_kv_count
    out.add(new Fields(24, true)); // the first key's uint64 length
    for (GgufValue v : f.metadata().asMap().values()) {
      out.add(new Fields(v.offset() - 4, false)); // uint32 value type
      if (v.type() == GgufValueType.STRING) out.add(new Fields(v.offset(), true));
      if (v.type() == GgufValueType.ARRAY) {
        out.add(new Fields(v.offset(), false)); // uint32 element type
        out.add(new Fields(v.offset() + 4, true)); // uint64 count
      }
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (TensorInfo t : f.tensors()) tensorFields(b, t, out);
    return out;
  }

  /** Finds a tensor info by its length-prefixed name and lists its fields. */
  private static void tensorFields(ByteBuffer b, TensorInfo t, List<Fields> out) {
    byte[] name = t.name().getBytes(StandardCharsets.UTF_8);
    int at = indexOf(b, name);
    if (at < 8) return;
    int nDims = at + name.length;
    out.add(new Fields(at - 8, true));
    out.add(new Fields(nDims, false));
    for (int d = 0; d < t.dims().size(); d++) out.add(new Fields(nDims + 4 + 8L * d, true));
    long type = nDims + 4 + 8L * t.dims().size();
    out.add(new Fields(type, false));
    out.add(new Fields(type + 4, true)); // uint64 offset
  }

  private static int indexOf(ByteBuffer b, byte[] name) {
    outer:
    for (int i = 8; i + name.length <= b.capacity(); i++) {
      if (b.getLong(i - 8) != name.length) continue;
      for (int j = 0; j < name.length; j++) if (b.get(i + j) != name[j]) continue outer;
      return i;
    }
    return -1;
  }

  private record Fields(long offset, boolean u64) {}

  /** Mutates every field (or {@code maxFields} of them, drawn at random), then flips bits. */
  private void fuzz(String fixture, int flips, int maxFields) throws Exception {
    byte[] original = Files.readAllBytes(GgufFixtures.file(fixture));
    long header = GgufReader.read(Path.of("x"), ByteBuffer.wrap(original)).dataOffset();
    List<Fields> fields = fields(original);
    if (fields.size() > maxFields) {
      java.util.Collections.shuffle(fields.subList(3, fields.size()), random);
      fields = fields.subList(0, maxFields);
    }
    for (Fields fl : fields) {
      check(
          java.util.Arrays.copyOf(original, (int) fl.offset()), fixture + " cut at " + fl.offset());
      mutateField(original, fl, fixture);
    }
    for (int i = 0; i < flips; i++) {
      byte[] b = original.clone();
      int n = 1 + random.nextInt(4);
      for (int k = 0; k < n; k++)
        b[random.nextInt((int) Math.min(header, b.length))] ^= (byte) (1 << random.nextInt(8));
      check(b, fixture + " flip #" + i);
    }
    check(
        java.util.Arrays.copyOf(original, (int) Math.min(header, original.length)),
        fixture + " header only");
  }

  private void mutateField(byte[] original, Fields fl, String fixture) {
    Consumer<ByteBuffer> none = b -> {};
    if (fl.u64()) {
      for (long v : HUGE_U64)
        write(original, fl, b -> b.putLong((int) fl.offset(), v), fixture + " u64 " + v);
      long random64 = random.nextLong() & Long.MAX_VALUE;
      write(
          original, fl, b -> b.putLong((int) fl.offset(), random64), fixture + " u64 " + random64);
    } else {
      for (int v : ODD_U32)
        write(original, fl, b -> b.putInt((int) fl.offset(), v), fixture + " u32 " + v);
    }
    write(original, fl, none, fixture + " unchanged");
  }

  private void write(byte[] original, Fields fl, Consumer<ByteBuffer> change, String what) {
    if (fl.offset() + (fl.u64() ? 8 : 4) > original.length) return;
    byte[] b = original.clone();
    change.accept(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
    check(b, what + " at " + fl.offset());
  }

  @Test
  void mutatedTinyModelsEndInAFormatErrorOrAValidResult() throws Exception {
    fuzz("tiny-llama-F16.gguf", 1500, Integer.MAX_VALUE);
    fuzz("tiny-llama-Q8_0.gguf", 800, Integer.MAX_VALUE);
    fuzz("tiny-qwen3-F16.gguf", 800, Integer.MAX_VALUE);
    fuzz("small-llama-Q4_K_M.gguf", 200, 60);
    assertThat(rejected).isPositive().isLessThan(inputs);
  }

  @Test
  void truncationAtEveryByteOfAHeaderIsAFormatErrorOrAValidResult() throws Exception {
    byte[] original = Files.readAllBytes(GgufFixtures.file("tiny-llama-Q8_0.gguf"));
    long header = GgufReader.read(Path.of("x"), ByteBuffer.wrap(original)).dataOffset();
    for (int cut = 0; cut <= header; cut++)
      check(java.util.Arrays.copyOf(original, cut), "cut at " + cut);
    // every cut before the end of the tensor infos is refused; a cut in the alignment padding
    // after them still parses (and verify() reports the truncation)
    assertThat(rejected).isGreaterThanOrEqualTo((int) header - 31);
  }

  @Test
  void mutatedVocabulariesAndTheOneBillionHeaderEndInAFormatErrorOrAValidResult() throws Exception {
    fuzz("ggml-vocab-gpt-neox.gguf", 60, 12);
    fuzz(GgufFixtures.HEADER_ONLY_1B, 60, 12);
    assertThat(inputs).isGreaterThan(200);
  }

  @Test
  void deeplyNestedArraysAreRefusedNotAStackOverflow() {
    // a metadata value that is an array of arrays of arrays ..., 100k levels deep
    ByteBuffer b = ByteBuffer.allocate(40 + 12 * 100_000 + 12).order(ByteOrder.LITTLE_ENDIAN);
    b.put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(3).putLong(0).putLong(1);
    b.putLong(1).put((byte) 'k').putInt(GgufValueType.ARRAY.id());
    for (int i = 0; i < 100_000; i++) b.putInt(GgufValueType.ARRAY.id()).putLong(1);
    b.putInt(GgufValueType.UINT8.id()).putLong(0);
    check(b.array(), "nested");
    assertThat(rejected).isEqualTo(1);
  }
}
