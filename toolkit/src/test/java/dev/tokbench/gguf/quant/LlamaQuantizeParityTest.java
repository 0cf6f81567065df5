package dev.tokbench.gguf.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our quantizers against llama-quantize's own output: the small-llama siblings were quantized from
 * small-llama-F16.gguf without an importance matrix, so quantizing the same F16 weights must give
 * the same bytes, tensor by tensor, whatever type llama-quantize chose for it.
 */
class LlamaQuantizeParityTest {
  private static final Map<String, FixtureTensors.T> F16 =
      FixtureTensors.read("small-llama-F16.gguf");

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
    for (FixtureTensors.T theirs : FixtureTensors.read(file).values()) {
      if (!theirs.type().isQuantized()) continue;
      FixtureTensors.T source = F16.get(theirs.name());
      float[] weights =
          Quantizer.of(GgmlType.F16).dequantize(source.data(), (int) source.elements());
      byte[] ours = Quantizer.of(theirs.type()).quantize(weights);
      assertThat(ByteBuffer.wrap(ours))
          .as("%s %s in %s", theirs.name(), theirs.type(), file)
          .isEqualTo(theirs.data().duplicate());
      compared++;
    }
    assertThat(compared).as("quantized tensors in %s", file).isGreaterThan(5);
  }
}
