package dev.tokbench.gguf.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.gguf.Gguf;
import dev.tokbench.gguf.GgufFile;
import dev.tokbench.gguf.TensorInfo;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Our quantizers against llama-quantize's own output: the small-llama siblings were quantized from
 * small-llama-F16.gguf without an importance matrix, so quantizing the same F16 weights must give
 * the same bytes, tensor by tensor, whatever type llama-quantize chose for it.
 */
class LlamaQuantizeParityTest {
  private static final GgufFile F16 = Gguf.read(QuantFixtures.path("small-llama-F16.gguf"));

  @Test
  void q8_0FileIsReproducedByteForByte() {
    assertEveryQuantizedTensorMatches("small-llama-Q8_0.gguf");
  }

  @Test
  void q4_0FileIsReproducedByteForByte() {
    assertEveryQuantizedTensorMatches("small-llama-Q4_0.gguf");
  }

  @Test
  void q4_K_MFileIsReproducedByteForByte() {
    assertEveryQuantizedTensorMatches("small-llama-Q4_K_M.gguf");
  }

  @Test
  void q6_KFileIsReproducedByteForByte() {
    assertEveryQuantizedTensorMatches("small-llama-Q6_K.gguf");
  }

  private static void assertEveryQuantizedTensorMatches(String file) {
    int compared = 0;
    GgufFile quantized = Gguf.read(QuantFixtures.path(file));
    for (TensorInfo theirs : quantized.tensors()) {
      if (!theirs.type().isQuantized()) continue;
      byte[] ours = Quantizer.of(theirs.type()).quantize(QuantFixtures.source(F16, theirs.name()));
      assertThat(ByteBuffer.wrap(ours))
          .as("%s %s in %s", theirs.name(), theirs.type(), file)
          .isEqualTo(quantized.tensorData(theirs));
      compared++;
    }
    assertThat(compared).as("quantized tensors in %s", file).isGreaterThan(5);
  }
}
