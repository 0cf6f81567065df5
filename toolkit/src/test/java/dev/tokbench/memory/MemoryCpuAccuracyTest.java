package dev.tokbench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimate for the CPU alone against a real CPU build of llama.cpp (upstream of 2026-08-22) on
 * the small fixture models: flash attention on and off, f16, q8_0 and q4_0 caches, one and four
 * sequences. This checks paths the H200 fixture does not take (no flash attention, several KV
 * streams) on the same graph and allocator code.
 */
class MemoryCpuAccuracyTest {
  /** Half of the last digit llama.cpp prints (0.01 MiB), and a little for binary fractions. */
  private static final double PRINTED = 0.005 + 1e-9;

  private static final List<ComponentError> ERRORS =
      MemoryComparison.of(
          MemoryLog.read(MemoryFixtures.file("cpu-memory-matrix.txt")), MemoryFixtures.gguf("."));

  @Test
  void everyRunOfTheCpuMatrixIsCompared() {
    assertThat(ERRORS.stream().map(ComponentError::configuration).distinct()).hasSize(11);
  }

  @Test
  void kvAndComputeBuffersMatchToThePrecisionLlamaCppPrints() {
    assertThat(ERRORS).extracting(ComponentError::component).containsOnly("kv", "compute");
    assertThat(ERRORS)
        .allSatisfy(
            e -> {
              assertThat(Math.abs(e.errorMib())).as(e.toString()).isLessThanOrEqualTo(PRINTED);
              assertThat(e.withinTarget()).as(e.toString()).isTrue();
            });
  }
}
