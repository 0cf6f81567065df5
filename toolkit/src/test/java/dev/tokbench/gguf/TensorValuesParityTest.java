package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.gguf.quant.LlamaCppReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our NaN/infinity check agrees with llama.cpp's own {@code ggml_validate_row_data} (called in the
 * llama.cpp inside de.kherud:llama) on random bytes of every type we check: random half-precision
 * scales are NaN or infinite one time in 32, so some rows fail and most pass.
 */
class TensorValuesParityTest {
  static Stream<GgmlType> checkedTypes() {
    // F64 is left out: llama.cpp casts each double to float before checking it (1e300 counts as
    // infinite there); see f64ValuesBeyondFloatRangeAreFiniteHere below.
    return Arrays.stream(GgmlType.values())
        .filter(TensorValues::checks)
        .filter(t -> t != GgmlType.F64);
  }

  @ParameterizedTest
  @MethodSource("checkedTypes")
  void agreesWithLlamaCppOnRandomRows(GgmlType type) throws Throwable {
    Random r = new Random(type.id());
    int unit = type.typeSize();
    int agreedInvalid = 0;
    int perBlock = type.blockSize() == 1 ? 64 : 1; // a float value is NaN or infinite 1 in 256
    for (int trial = 0; trial < 60; trial++) {
      byte[] row = new byte[unit * perBlock * (1 + r.nextInt(8))];
      r.nextBytes(row);
      boolean ours =
          TensorValues.firstBad(type, ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN)) < 0;
      boolean theirs = LlamaCppReference.validRowData(type, row);
      assertThat(ours)
          .as("%s trial %d: ours valid=%s, llama.cpp valid=%s", type, trial, ours, theirs)
          .isEqualTo(theirs);
      if (!theirs) agreedInvalid++;
    }
    assertThat(agreedInvalid).as("rows both found invalid").isPositive();
  }

  @Test
  void f64ValuesBeyondFloatRangeAreFiniteHereUnlikeLlamaCpp() throws Throwable {
    byte[] row = new byte[16];
    ByteBuffer b = ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN);
    b.putDouble(0, 1e300).putDouble(8, 1.0);
    assertThat(TensorValues.firstBad(GgmlType.F64, b)).isEqualTo(-1);
    assertThat(LlamaCppReference.validRowData(GgmlType.F64, row)).isFalse();
    b.putDouble(8, Double.NaN);
    assertThat(TensorValues.firstBad(GgmlType.F64, b)).isEqualTo(1);
  }
}
