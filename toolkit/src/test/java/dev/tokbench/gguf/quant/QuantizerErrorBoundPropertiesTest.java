package dev.tokbench.gguf.quant;

import static dev.tokbench.testing.Properties.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.tokbench.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Quantize then dequantize, for every quantizer, stays within a bound derived from the format: each
 * block's error is at most a fixed fraction of its largest magnitude (amax). Rows are 256 values
 * (one K super-block, eight Q8_0 blocks) in [-1, 1] times a scale from 0.05 to 100, with an outlier
 * up to 20 times the rest, so every block scale is a normal f16 (below about 6e-5 a scale is an f16
 * subnormal and loses relative precision, a regime of ggml's, not of these codecs).
 *
 * <p>Bounds, as fractions of amax: Q8_0 {@code (0.5 + 127 * 2^-11) / 127} (half a step, plus the
 * scale's f16 rounding times the largest code); Q4_0 {@code 1/8 + 2^-11} and Q5_0 {@code 1/16 +
 * 2^-11} (ggml's scale is {@code max / -8} or {@code / -16}: the value at the far end is clamped a
 * whole step); Q5_1 {@code 1/31 + 3 * 2^-11} (half a step of a range up to {@code 2 amax}, with the
 * f16 scale and minimum); the K-quants one step of the super-block's range, {@code 2 / (2^bits -
 * 1)} (6-bit sub-block scales and minimums can cost up to half a step more than the plain half
 * step). F32 is exact, F16 within {@code max(2^-11 |x|, 2^-25)}, BF16 within {@code 2^-8 |x|}.
 */
class QuantizerErrorBoundPropertiesTest {
  private static final double F16_EPS = Math.scalb(1.0, -11);

  private static final Gen<float[]> ROWS =
      lists()
          .of(floats().between(-1f, 1f))
          .ofSize(256)
          .zip(
              doubles().between(0.05, 100),
              integers().between(0, 255),
              doubles().between(1, 20),
              QuantizerErrorBoundPropertiesTest::row);

  private static float[] row(List<Float> unit, double scale, int outlier, double factor) {
    float[] x = new float[unit.size()];
    for (int i = 0; i < x.length; i++) x[i] = (float) (unit.get(i) * scale);
    x[outlier] = (float) (x[outlier] * factor);
    return x;
  }

  /** The bound on |x - decoded| of a block, as a fraction of the block's amax. */
  private static double blockBound(GgmlType type) {
    return switch (type) {
      case Q8_0 -> (0.5 + 127 * F16_EPS) / 127;
      case Q4_0 -> 1.0 / 8 + F16_EPS;
      case Q5_0 -> 1.0 / 16 + F16_EPS;
      case Q5_1 -> 1.0 / 31 + 3 * F16_EPS;
      case Q4_K -> 2.0 / 15;
      case Q5_K -> 2.0 / 31;
      case Q6_K -> 2.0 / 63;
      default -> throw new IllegalArgumentException(type + " is bounded per element");
    };
  }

  @Test
  void blockQuantizersStayWithinTheirFormatsBound() {
    for (GgmlType type : List.of(GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q5_0, GgmlType.Q5_1)) {
      checkBlocks(type, type.blockSize());
    }
  }

  @Test
  void kQuantizersStayWithinOneStepOfTheirSuperBlock() {
    for (GgmlType type : List.of(GgmlType.Q4_K, GgmlType.Q5_K, GgmlType.Q6_K)) {
      checkBlocks(type, type.blockSize());
    }
  }

  private static void checkBlocks(GgmlType type, int block) {
    Quantizer q = Quantizer.of(type);
    qt(300)
        .forAll(ROWS)
        .checkAssert(
            x -> {
              float[] back = q.dequantize(ByteBuffer.wrap(q.quantize(x)), x.length);
              for (int b = 0; b < x.length; b += block) {
                double amax = 0;
                double worst = 0;
                for (int i = b; i < b + block; i++) {
                  amax = Math.max(amax, Math.abs(x[i]));
                  worst = Math.max(worst, Math.abs(x[i] - back[i]));
                }
                assertThat(worst)
                    .as("%s block at %d, amax %s", type, b, amax)
                    .isLessThanOrEqualTo(blockBound(type) * amax);
              }
            });
  }

  @Test
  void floatFormatsRoundEachValueToTheirPrecision() {
    qt(300)
        .forAll(ROWS)
        .checkAssert(
            x -> {
              float[] f32 = roundTrip(GgmlType.F32, x);
              float[] f16 = roundTrip(GgmlType.F16, x);
              float[] bf16 = roundTrip(GgmlType.BF16, x);
              for (int i = 0; i < x.length; i++) {
                assertThat(f32[i]).isEqualTo(x[i]);
                double f16Error = Math.abs(x[i] - f16[i]);
                assertThat(f16Error)
                    .isLessThanOrEqualTo(Math.max(F16_EPS * Math.abs(x[i]), Math.scalb(1.0, -25)));
                assertThat((double) Math.abs(x[i] - bf16[i]))
                    .isLessThanOrEqualTo(Math.scalb(1.0, -8) * Math.abs(x[i]));
              }
            });
  }

  private static float[] roundTrip(GgmlType type, float[] x) {
    Quantizer q = Quantizer.of(type);
    return q.dequantize(ByteBuffer.wrap(q.quantize(x)), x.length);
  }
}
