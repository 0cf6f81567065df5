package dev.tokbench.gguf.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.gguf.Gguf;
import dev.tokbench.gguf.GgufFile;
import dev.tokbench.gguf.TensorInfo;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dequantizing llama-quantize's files gives the F16 weights back within each format's error: the
 * relative RMS error of every quantized tensor stays under the bound of its type (seeded normal
 * weights; bounds about twice what these formats reach on such data).
 */
class DequantizeErrorBoundTest {
  private static final GgufFile F16 = Gguf.read(QuantFixtures.path("small-llama-F16.gguf"));

  @ParameterizedTest
  @CsvSource({
    "small-llama-Q8_0.gguf, 1",
    "small-llama-Q4_0.gguf, 2",
    "small-llama-Q4_K_M.gguf, 2",
    "small-llama-Q6_K.gguf, 1"
  })
  void llamaQuantizeTensorsDecodeToTheF16WeightsWithinTheirTypesBound(
      String file, int typesExpected) {
    Map<GgmlType, Double> worst = new java.util.EnumMap<>(GgmlType.class);
    GgufFile quantized = Gguf.read(QuantFixtures.path(file));
    for (TensorInfo t : quantized.tensors()) {
      if (!t.type().isQuantized()) continue;
      float[] ours = QuantFixtures.floats(quantized, t);
      float[] exact = QuantFixtures.source(F16, t.name());
      double error = relativeRmsError(exact, ours);
      assertThat(error).as("%s %s in %s", t.name(), t.type(), file).isLessThan(bound(t.type()));
      worst.merge(t.type(), error, Math::max);
    }
    assertThat(worst).as("quantized types in %s: %s", file, worst).hasSize(typesExpected);
  }

  private static double bound(GgmlType type) {
    switch (type) {
      case Q8_0:
        return 0.01;
      case Q6_K:
        return 0.04;
      case Q5_K:
        return 0.08;
      case Q4_K:
      case Q4_0:
        return 0.2;
      default:
        throw new IllegalArgumentException("no bound for " + type);
    }
  }

  static double relativeRmsError(float[] exact, float[] approx) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < exact.length; i++) {
      double d = exact[i] - approx[i];
      num += d * d;
      den += (double) exact[i] * exact[i];
    }
    return Math.sqrt(num / den);
  }
}
