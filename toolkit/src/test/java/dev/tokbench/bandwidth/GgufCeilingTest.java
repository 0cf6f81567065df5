package dev.tokbench.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.gguf.Gguf;
import dev.tokbench.gguf.ModelSummary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The decode ceiling from a real GGUF header (LLaMA-3.2-1B shape, Q4_K_M, tensors cut off). */
class GgufCeilingTest {
  private final ModelSummary model =
      Gguf.read(Path.of("src/test/resources/gguf/llama-3.2-1b-Q4_K_M.header-only.gguf")).summary();

  @Test
  void summaryGivesTheSameCacheAsThePlainNumbers() {
    KvCache kv = KvCache.of(model, GgmlType.F16);
    assertThat(kv).isEqualTo(KvCache.of(16, 8, 64, GgmlType.F16));
    assertThat(kv.bytesPerToken().bytes()).isEqualTo(model.kvBytesPerToken());
  }

  @Test
  void ceilingReadsTensorBytesAndTheCacheAtDepth() {
    // llama-bench's model_size for this shape and type on the H100 run: 799862784 bytes
    assertThat(model.tensorBytes()).isEqualTo(799862784L);
    DecodeCeiling c = DecodeCeiling.of(Bandwidth.tbPerS(3.35), model);
    assertThat(c.tokensPerS(0)).isCloseTo(3.35e12 / 799862784, within(1e-6));
    assertThat(c.bytesPerToken(4096).bytes()).isEqualTo(799862784 + 4096 * 32768.0);
    DecodeCeiling q8 = DecodeCeiling.of(Bandwidth.tbPerS(3.35), model, GgmlType.Q8_0);
    assertThat(q8.tokensPerS(65536)).isGreaterThan(c.tokensPerS(65536));
  }
}
