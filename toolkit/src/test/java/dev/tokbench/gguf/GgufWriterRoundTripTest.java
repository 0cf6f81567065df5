package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GgufWriterRoundTripTest {
  @TempDir Path dir;

  @Test
  void rewritingGgufPysF16FileGivesTheSameBytes() throws IOException {
    Path original = GgufFixtures.file("small-llama-F16.gguf");
    GgufFile in = Gguf.read(original);
    GgufWriter w = GgufWriter.create().putAll(in.metadata());
    for (TensorInfo t : in.tensors()) {
      byte[] bytes = new byte[(int) t.bytes()];
      in.tensorData(t).get(bytes);
      w.tensor(t.name(), t.type(), t.dims(), TensorData.of(bytes));
    }
    Path copy = w.write(dir.resolve("copy.gguf"));
    assertThat(Files.mismatch(original, copy)).isEqualTo(-1L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
  void everyMetadataValueTypeReadsBackWithItsTypeAndValue(String orderName) {
    ByteOrder order =
        orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    GgufWriter w =
        GgufWriter.create()
            .byteOrder(order)
            .put("u8", GgufValueType.UINT8, 255)
            .put("i8", GgufValueType.INT8, -128)
            .put("u16", GgufValueType.UINT16, 65535)
            .put("i16", GgufValueType.INT16, -32768)
            .uint32("u32", 4_000_000_000L)
            .int32("i32", -2_000_000_000)
            .float32("f32", 1.5f)
            .bool("bool", true)
            .string("string", "héllo ☃")
            .put("u64", GgufValueType.UINT64, Long.MAX_VALUE)
            .put("i64", GgufValueType.INT64, Long.MIN_VALUE)
            .put("f64", GgufValueType.FLOAT64, Math.PI)
            .array("strings", GgufValueType.STRING, List.of("a", "bc"))
            .array("floats", GgufValueType.FLOAT32, List.of(0.5f, -2f))
            .array(
                "nested",
                GgufValueType.ARRAY,
                List.of(new GgufWriter.TypedArray(GgufValueType.INT32, List.of(1, 2, 3))));
    GgufMetadata m = Gguf.read(w.write(dir.resolve("m.gguf"))).metadata();
    assertThat(m.integer("u8").getAsLong()).isEqualTo(255);
    assertThat(m.integer("i8").getAsLong()).isEqualTo(-128);
    assertThat(m.integer("u16").getAsLong()).isEqualTo(65535);
    assertThat(m.integer("i16").getAsLong()).isEqualTo(-32768);
    assertThat(m.integer("u32").getAsLong()).isEqualTo(4_000_000_000L);
    assertThat(m.integer("i32").getAsLong()).isEqualTo(-2_000_000_000);
    assertThat(m.number("f32").getAsDouble()).isEqualTo(1.5);
    assertThat(m.bool("bool")).contains(true);
    assertThat(m.string("string")).contains("héllo ☃");
    assertThat(m.integer("u64").getAsLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(m.integer("i64").getAsLong()).isEqualTo(Long.MIN_VALUE);
    assertThat(m.number("f64").getAsDouble()).isEqualTo(Math.PI);
    assertThat(m.array("strings").orElseThrow().strings()).containsExactly("a", "bc");
    assertThat(m.array("floats").orElseThrow().doubles()).containsExactly(0.5, -2.0);
    assertThat(m.array("nested").orElseThrow().arrays().get(0).longs()).containsExactly(1L, 2L, 3L);
    assertThat(m.keys().stream().map(k -> m.get(k).orElseThrow().type()))
        .containsExactly(
            GgufValueType.UINT8,
            GgufValueType.INT8,
            GgufValueType.UINT16,
            GgufValueType.INT16,
            GgufValueType.UINT32,
            GgufValueType.INT32,
            GgufValueType.FLOAT32,
            GgufValueType.BOOL,
            GgufValueType.STRING,
            GgufValueType.UINT64,
            GgufValueType.INT64,
            GgufValueType.FLOAT64,
            GgufValueType.ARRAY,
            GgufValueType.ARRAY,
            GgufValueType.ARRAY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
  void tensorsStartAtTheAlignmentAndReadBackInTheFilesByteOrder(String orderName) {
    ByteOrder order =
        orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    float[] values = new float[256];
    for (int i = 0; i < values.length; i++) values[i] = (i - 128) / 64f;
    byte[] f32 = new byte[values.length * 4];
    ByteBuffer.wrap(f32).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
    Path file =
        GgufWriter.create()
            .byteOrder(order)
            .alignment(64)
            .tensor("a", GgmlType.F32, List.of(3L), TensorData.of(new byte[12]))
            .tensor("b", GgmlType.F32, List.of(256L), TensorData.of(f32))
            .write(dir.resolve("t.gguf"));
    GgufFile in = Gguf.read(file);
    assertThat(in.byteOrder()).isEqualTo(order);
    assertThat(in.alignment()).isEqualTo(64);
    TensorInfo b = in.tensor("b").orElseThrow();
    assertThat(b.fileOffset() % 64).isZero();
    assertThat(b.offset()).isEqualTo(64);
    float[] back = new float[256];
    in.tensorData(b).order(order).asFloatBuffer().get(back);
    assertThat(back).isEqualTo(values);
  }

  @Test
  void aBigEndianQuantizedTensorDecodesToTheSameValuesAsTheLittleEndianOne() {
    float[] values = new float[512];
    for (int i = 0; i < values.length; i++) values[i] = (float) Math.sin(i) * 0.02f;
    byte[] q6k = dev.tokbench.gguf.quant.Quantizer.of(GgmlType.Q6_K).quantize(values);
    float[][] decoded = new float[2][];
    ByteOrder[] orders = {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN};
    for (int k = 0; k < 2; k++) {
      Path file =
          GgufWriter.create()
              .byteOrder(orders[k])
              .tensor("w", GgmlType.Q6_K, List.of(256L, 2L), TensorData.of(q6k))
              .write(dir.resolve("q" + k + ".gguf"));
      GgufFile in = Gguf.read(file);
      TensorInfo t = in.tensor("w").orElseThrow();
      decoded[k] =
          dev.tokbench.gguf.quant.Quantizer.of(GgmlType.Q6_K)
              .dequantize(in.tensorData(t), 512, in.byteOrder());
    }
    assertThat(decoded[1]).isEqualTo(decoded[0]);
  }
}
