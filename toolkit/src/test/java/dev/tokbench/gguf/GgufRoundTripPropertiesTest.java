package dev.tokbench.gguf;

import static dev.tokbench.testing.Properties.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever {@link GgufWriter} writes, {@link Gguf#read} reads back as written: random metadata of
 * every value type (arrays of every type, nested arrays, unicode keys and strings, every bit
 * pattern of the numbers) and random tensor tables of every ggml type (in a big-endian file, every
 * type ggml can byte-swap), in either byte order and at any alignment. The generator draws the
 * shape (how many keys and tensors, of which types); the values come from a seeded Random whose
 * seed is drawn too, so a failure replays.
 */
class GgufRoundTripPropertiesTest {
  private static final GgufValueType[] VALUE_TYPES = GgufValueType.values();
  private static final GgmlType[] TENSOR_TYPES = GgmlType.values();

  @TempDir Path dir;

  @Test
  void randomMetadataAndTensorTablesReadBackAsWritten() {
    qt(150)
        .forAll(
            lists().of(integers().between(0, VALUE_TYPES.length - 1)).ofSizeBetween(0, 24),
            lists().of(integers().between(0, TENSOR_TYPES.length - 1)).ofSizeBetween(0, 6),
            longs().all(),
            booleans().all())
        .checkAssert(this::roundTrip);
  }

  private record Written(String key, GgufValueType type, Object value) {}

  private void roundTrip(
      List<Integer> valueTypes, List<Integer> tensorTypes, long seed, boolean big) {
    Random r = new Random(seed);
    int alignment = 8 << r.nextInt(5);
    GgufWriter w =
        GgufWriter.create()
            .byteOrder(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
            .alignment(alignment);
    List<Written> metadata = new ArrayList<>();
    for (int i = 0; i < valueTypes.size(); i++) {
      GgufValueType type = VALUE_TYPES[valueTypes.get(i)];
      Written m = new Written("k" + i + "." + text(r), type, value(type, r, 0));
      metadata.add(m);
      w.put(m.key(), m.type(), m.value());
    }
    List<Table> tensors = new ArrayList<>();
    for (int i = 0; i < tensorTypes.size(); i++) {
      GgmlType type = TENSOR_TYPES[tensorTypes.get(i)];
      // a big-endian file can hold only the types whose fields ggml's byte swap knows
      if (big && BlockByteOrder.of(type).isEmpty()) type = GgmlType.F32;
      Table t = tensor("t" + i + "." + text(r), type, r);
      tensors.add(t);
      w.tensor(t.name(), t.type(), t.dims(), TensorData.of(t.data()));
    }
    Path file = write(w);
    GgufFile in = Gguf.read(file);

    assertThat(in.byteOrder()).isEqualTo(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    assertThat(in.alignment()).isEqualTo(alignment);
    List<String> keys = new ArrayList<>(in.metadata().keys());
    keys.remove("general.alignment");
    assertThat(keys).containsExactlyElementsOf(metadata.stream().map(Written::key).toList());
    for (Written m : metadata) {
      GgufValue v = in.metadata().get(m.key()).orElseThrow();
      assertThat(v.type()).isEqualTo(m.type());
      assertSame(m.type(), m.value(), v.raw());
    }
    assertThat(in.tensors()).hasSameSizeAs(tensors);
    for (Table t : tensors) {
      TensorInfo info = in.tensor(t.name()).orElseThrow();
      assertThat(info.type()).isEqualTo(t.type());
      assertThat(info.dims()).isEqualTo(t.dims());
      assertThat(info.fileOffset() % alignment).isZero();
      byte[] back = new byte[(int) info.bytes()];
      in.tensorData(info).get(back);
      // the writer takes ggml's little-endian layout and swaps each field for a big-endian file
      byte[] expected = t.data().clone();
      if (big) BlockByteOrder.swap(t.type(), expected, 0, expected.length / t.type().typeSize());
      assertThat(back).isEqualTo(expected);
    }
    assertThat(mismatch(file, rewrite(in))).as("rewritten with putAll").isEqualTo(-1);
  }

  private static long mismatch(Path a, Path b) {
    try {
      return Files.mismatch(a, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file written again from what was read: its metadata by putAll, its tensors' bytes. */
  private Path rewrite(GgufFile in) {
    GgufWriter w = GgufWriter.create().byteOrder(in.byteOrder()).putAll(in.metadata());
    for (TensorInfo t : in.tensors()) {
      byte[] bytes = new byte[(int) t.bytes()];
      in.tensorData(t).get(bytes);
      if (in.byteOrder() == ByteOrder.BIG_ENDIAN) {
        BlockByteOrder.swap(t.type(), bytes, 0, bytes.length / t.type().typeSize());
      }
      w.tensor(t.name(), t.type(), t.dims(), TensorData.of(bytes));
    }
    return write(w);
  }

  /** A written value and the reader's plain value ({@link GgufValue#raw}) agree. */
  private static void assertSame(GgufValueType type, Object written, Object read) {
    switch (type) {
      case FLOAT32 -> assertThat(read).isEqualTo((double) ((Number) written).floatValue());
      case FLOAT64 -> assertThat(read).isEqualTo(((Number) written).doubleValue());
      case BOOL, STRING -> assertThat(read).isEqualTo(written);
      case ARRAY -> {
        GgufWriter.TypedArray a = (GgufWriter.TypedArray) written;
        GgufArray b = (GgufArray) read;
        assertThat(b.elementType()).isEqualTo(a.elementType());
        assertThat(b.size()).isEqualTo(a.values().size());
        for (int i = 0; i < b.size(); i++) {
          assertSame(a.elementType(), a.values().get(i), b.get(i).raw());
        }
      }
      default -> assertThat(read).isEqualTo(((Number) written).longValue());
    }
  }

  private static Object value(GgufValueType type, Random r, int depth) {
    return switch (type) {
      case UINT8 -> (long) r.nextInt(256);
      case INT8 -> (long) (r.nextInt(256) - 128);
      case UINT16 -> (long) r.nextInt(65_536);
      case INT16 -> (long) (r.nextInt(65_536) - 32_768);
      case UINT32 -> r.nextLong() & 0xFFFF_FFFFL;
      case INT32 -> (long) r.nextInt();
      case UINT64 -> new BigInteger(Long.toUnsignedString(r.nextLong()));
      case INT64 -> r.nextLong();
      case FLOAT32 -> Float.intBitsToFloat(r.nextInt());
      case FLOAT64 -> Double.longBitsToDouble(r.nextLong());
      case BOOL -> r.nextBoolean();
      case STRING -> text(r);
      case ARRAY -> array(r, depth);
    };
  }

  private static GgufWriter.TypedArray array(Random r, int depth) {
    GgufValueType element = VALUE_TYPES[r.nextInt(VALUE_TYPES.length)];
    if (element == GgufValueType.ARRAY && depth >= 2) element = GgufValueType.INT32;
    List<Object> values = new ArrayList<>();
    for (int i = r.nextInt(6); i > 0; i--) values.add(value(element, r, depth + 1));
    return new GgufWriter.TypedArray(element, values);
  }

  /** Up to 12 code points from ASCII, Latin-1, CJK and the astral planes (surrogate pairs). */
  private static String text(Random r) {
    StringBuilder b = new StringBuilder();
    int[] starts = {0x20, 0xA0, 0x4E00, 0x1F600};
    for (int i = r.nextInt(13); i > 0; i--) b.appendCodePoint(starts[r.nextInt(4)] + r.nextInt(90));
    return b.toString();
  }

  /** One row of a tensor table as written: name, type, dims and bytes. */
  private record Table(String name, GgmlType type, List<Long> dims, byte[] data) {}

  private static Table tensor(String name, GgmlType type, Random r) {
    List<Long> dims = new ArrayList<>();
    dims.add((long) type.blockSize() * (1 + r.nextInt(3)));
    for (int d = r.nextInt(4); d > 0; d--) dims.add(1L + r.nextInt(3));
    long elements = dims.stream().reduce(1L, (a, b) -> a * b);
    byte[] data = new byte[(int) type.bytesFor(elements)];
    r.nextBytes(data);
    return new Table(name, type, dims, data);
  }

  private Path write(GgufWriter w) {
    try {
      Path file = Files.createTempFile(dir, "round-trip", ".gguf");
      return w.write(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
