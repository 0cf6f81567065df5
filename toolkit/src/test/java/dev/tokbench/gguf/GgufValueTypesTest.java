package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.gguf.TestGgufWriter.Arr;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every GGUF metadata value type, nested arrays included, in both byte orders. */
class GgufValueTypesTest {
  @TempDir Path tmp;

  private GgufFile everyType(ByteOrder order) {
    return Gguf.read(
        new TestGgufWriter(order)
            .kv("u8", GgufValueType.UINT8, 255L)
            .kv("i8", GgufValueType.INT8, -128L)
            .kv("u16", GgufValueType.UINT16, 65535L)
            .kv("i16", GgufValueType.INT16, -32768L)
            .kv("u32", GgufValueType.UINT32, 4_294_967_295L)
            .kv("i32", GgufValueType.INT32, -2_147_483_648L)
            .kv("u64", GgufValueType.UINT64, -1L)
            .kv("i64", GgufValueType.INT64, Long.MIN_VALUE)
            .kv("f32", GgufValueType.FLOAT32, 0.5)
            .kv("f64", GgufValueType.FLOAT64, Math.PI)
            .kv("yes", GgufValueType.BOOL, true)
            .kv("text", GgufValueType.STRING, "héllo\n\"wörld\"")
            .kv("ints", GgufValueType.ARRAY, new Arr(GgufValueType.INT16, List.of(1L, -2L, 3L)))
            .kv("empty", GgufValueType.ARRAY, new Arr(GgufValueType.STRING, List.of()))
            .kv(
                "nested",
                GgufValueType.ARRAY,
                new Arr(
                    GgufValueType.ARRAY,
                    List.of(
                        new Arr(GgufValueType.STRING, List.of("a", "bc")),
                        new Arr(GgufValueType.FLOAT64, List.of(1.5)))))
            .write(tmp.resolve(order + ".gguf")));
  }

  @ParameterizedTest
  @EnumSource(
      names = {"LITTLE_ENDIAN", "BIG_ENDIAN"},
      value = ByteOrderName.class)
  void everyScalarTypeDecodesToItsValue(ByteOrderName order) {
    GgufMetadata m = everyType(order.order()).metadata();

    assertThat(m.integer("u8")).hasValue(255);
    assertThat(m.integer("i8")).hasValue(-128);
    assertThat(m.integer("u16")).hasValue(65535);
    assertThat(m.integer("i16")).hasValue(-32768);
    assertThat(m.integer("u32")).hasValue(4_294_967_295L);
    assertThat(m.integer("i32")).hasValue(-2_147_483_648L);
    assertThat(m.get("u64").orElseThrow()).hasToString("18446744073709551615");
    assertThat(m.number("u64").getAsDouble()).isEqualTo(1.8446744073709552E19);
    assertThat(m.integer("i64")).hasValue(Long.MIN_VALUE);
    assertThat(m.number("f32")).hasValue(0.5);
    assertThat(m.number("f64")).hasValue(Math.PI);
    assertThat(m.bool("yes")).hasValue(true);
    assertThat(m.string("text")).hasValue("héllo\n\"wörld\"");
  }

  @ParameterizedTest
  @EnumSource(
      names = {"LITTLE_ENDIAN", "BIG_ENDIAN"},
      value = ByteOrderName.class)
  void arraysDecodeLazilyIncludingNestedOnes(ByteOrderName order) {
    GgufMetadata m = everyType(order.order()).metadata();

    assertThat(m.array("ints").orElseThrow().longs()).containsExactly(1L, -2L, 3L);
    assertThat(m.array("empty").orElseThrow().strings()).isEmpty();
    GgufArray nested = m.array("nested").orElseThrow();
    assertThat(nested.elementType()).isEqualTo(GgufValueType.ARRAY);
    assertThat(nested.arrays().get(0).strings()).containsExactly("a", "bc");
    assertThat(nested.arrays().get(1).doubles()).containsExactly(1.5);
    assertThat(nested).hasToString("ARRAY[2]: [STRING[2]: [\"a\", \"bc\"], FLOAT64[1]: [1.5]]");
  }

  @ParameterizedTest
  @EnumSource(
      names = {"LITTLE_ENDIAN"},
      value = ByteOrderName.class)
  void aValueOfTheWrongTypeIsAFormatErrorAtItsOffset(ByteOrderName order) {
    GgufMetadata m = everyType(order.order()).metadata();
    long at = m.get("text").orElseThrow().offset();

    assertThatThrownBy(() -> m.integer("text"))
        .isInstanceOf(GgufFormatException.class)
        .hasMessageContaining("at byte offset " + at)
        .hasMessageContaining("STRING, expected an integer");
    assertThatThrownBy(() -> m.integer("u64"))
        .isInstanceOf(GgufFormatException.class)
        .hasMessageContaining("too large");
    assertThatThrownBy(() -> m.array("ints").orElseThrow().strings())
        .isInstanceOf(GgufFormatException.class);
  }

  /** JUnit's EnumSource needs an enum; ByteOrder is a class. */
  enum ByteOrderName {
    LITTLE_ENDIAN(ByteOrder.LITTLE_ENDIAN),
    BIG_ENDIAN(ByteOrder.BIG_ENDIAN);

    private final ByteOrder order;

    ByteOrderName(ByteOrder order) {
      this.order = order;
    }

    ByteOrder order() {
      return order;
    }
  }
}
