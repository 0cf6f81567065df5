package dev.tokbench.gguf.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.gguf.GgmlType;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our quantizers give the same bytes as llama.cpp's own reference quantizers, called in the
 * llama.cpp that ships in de.kherud:llama 4.2.0 — for the types the fixtures of llama-quantize do
 * not cover (Q5_0, Q5_1, Q5_K) as well as the rest — on weight-like values, on values with
 * outliers, on all-zero blocks and on constant blocks.
 */
class LlamaCppReferenceParityTest {
  private static float[] values(String kind, int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] =
          switch (kind) {
            case "gaussian" -> (float) (r.nextGaussian() * 0.02);
            case "outliers" -> (float) (r.nextGaussian() * (i % 97 == 0 ? 1.5 : 0.02));
            case "positive" -> (float) Math.abs(r.nextGaussian());
            case "zeros" -> 0f;
            case "constant" -> 0.25f;
            default -> throw new IllegalArgumentException(kind);
          };
    }
    return x;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "Q8_0, gaussian",
    "Q8_0, outliers",
    "Q8_0, zeros",
    "Q4_0, gaussian",
    "Q4_0, outliers",
    "Q4_0, zeros",
    "Q5_0, gaussian",
    "Q5_0, outliers",
    "Q5_0, zeros",
    "Q5_0, constant",
    "Q5_1, gaussian",
    "Q5_1, outliers",
    "Q5_1, zeros",
    "Q5_1, positive",
    "Q4_K, gaussian",
    "Q4_K, outliers",
    "Q4_K, zeros",
    "Q4_K, positive",
    "Q5_K, gaussian",
    "Q5_K, outliers",
    "Q5_K, zeros",
    "Q5_K, constant",
    "Q5_K, positive",
    "Q6_K, gaussian",
    "Q6_K, outliers",
    "Q6_K, zeros",
    "Q6_K, constant"
  })
  void quantizingGivesLlamaCppsReferenceBytes(GgmlType type, String kind) throws Throwable {
    float[] x = values(kind, 64 * 256, 11);
    byte[] ours = Quantizer.of(type).quantize(x);
    byte[] theirs = LlamaCppReference.quantize(type, x);
    assertThat(ours.length).isEqualTo(theirs.length);
    int block = (int) type.bytesFor(type.blockSize());
    for (int off = 0; off < ours.length; off += block) {
      if (!java.util.Arrays.equals(ours, off, off + block, theirs, off, off + block)) {
        HexFormat hex = HexFormat.of();
        throw new AssertionError(
            type
                + " block "
                + off / block
                + " differs from llama.cpp's:\n ours   "
                + hex.formatHex(ours, off, off + block)
                + "\n theirs "
                + hex.formatHex(theirs, off, off + block));
      }
    }
  }
}
