package dev.tokbench.gguf.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import dev.tokbench.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantizerRoundTripTest {
  private static float[] gaussian(int n) {
    Random r = new Random(7);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * 0.02);
    return x;
  }

  @ParameterizedTest
  @CsvSource({
    "F32, 0",
    "F16, 0.001",
    "BF16, 0.005",
    "Q8_0, 0.01",
    "Q6_K, 0.04",
    "Q5_K, 0.08",
    "Q4_K, 0.2",
    "Q4_0, 0.2",
    "Q5_0, 0.1",
    "Q5_1, 0.1"
  })
  void quantizedValuesDecodeWithinTheTypesError(GgmlType type, double bound) {
    float[] x = gaussian(4096);
    Quantizer q = Quantizer.of(type);
    byte[] bytes = q.quantize(x);
    assertThat((long) bytes.length).isEqualTo(type.bytesFor(x.length));
    float[] back = q.dequantize(ByteBuffer.wrap(bytes), x.length);
    assertThat(DequantizeErrorBoundTest.relativeRmsError(x, back)).isLessThanOrEqualTo(bound);
  }

  @ParameterizedTest
  @CsvSource({"F32", "F16", "Q8_0", "Q5_0", "Q5_1", "Q4_K", "Q5_K", "Q6_K"})
  void bigEndianBlocksDecodeToTheSameValues(GgmlType type) {
    float[] x = gaussian(512);
    Quantizer q = Quantizer.of(type);
    byte[] little = q.quantize(x);
    byte[] big = little.clone();
    q.swapByteOrder(big, 0, x.length / type.blockSize());
    assertThat(big).isNotEqualTo(little);
    float[] fromBig = q.dequantize(ByteBuffer.wrap(big), x.length, ByteOrder.BIG_ENDIAN);
    assertThat(fromBig).isEqualTo(q.dequantize(ByteBuffer.wrap(little), x.length));
  }

  @Test
  void allZeroBlocksDecodeToZero() {
    for (GgmlType type : Quantizer.supported()) {
      float[] back =
          Quantizer.of(type)
              .dequantize(ByteBuffer.wrap(Quantizer.of(type).quantize(new float[256])), 256);
      for (float v : back) assertThat(v == 0f).as("%s decodes zeros to %s", type, v).isTrue();
    }
  }

  @Test
  void unsupportedTypeIsRefusedWithTheSupportedList() {
    assertThatThrownBy(() -> Quantizer.of(GgmlType.IQ2_XXS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("IQ2_XXS")
        .hasMessageContaining("Q4_K");
  }

  @Test
  void aPartialBlockIsRefused() {
    assertThatThrownBy(() -> Quantizer.of(GgmlType.Q4_K).quantize(new float[100]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 256");
  }
}
