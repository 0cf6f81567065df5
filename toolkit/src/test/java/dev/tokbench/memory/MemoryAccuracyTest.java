package dev.tokbench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimate against llama.cpp's own measurements on an H200 (the fixture), for every
 * configuration: the target is the GPU's total within 2 % or 32 MiB and model and KV to the
 * MiB; every buffer is in fact reproduced to the precision llama.cpp prints, which is asserted too
 * so that a regression in the derivation shows.
 */
class MemoryAccuracyTest {
  /** Half of the last digit llama.cpp prints (0.01 MiB), and a little for binary fractions. */
  private static final double PRINTED = 0.005 + 1e-9;

  private static final List<ComponentError> ERRORS =
      MemoryComparison.of(MemoryLog.read(MemoryFixtures.file(MemoryFixtures.H200_BREAKDOWN)));

  @Test
  void everyConfigurationOfTheFixtureIsCompared() {
    assertThat(ERRORS.stream().map(ComponentError::configuration).distinct()).hasSize(12);
    assertThat(ERRORS).hasSize(12 * 2 * 4); // GPU and host; model, kv, compute, self
  }

  @Test
  void everyComponentIsWithinTheTarget() {
    assertThat(ERRORS).allSatisfy(e -> assertThat(e.withinTarget()).as(e.toString()).isTrue());
  }

  @Test
  void theGpuTotalEqualsTheBreakdownsSelfToTheMib() {
    assertThat(
            ERRORS.stream().filter(e -> e.device().equals("CUDA0") && e.component().equals("self")))
        .allSatisfy(
            e ->
                assertThat((long) Math.floor(e.estimatedMib()))
                    .as(e.toString())
                    .isEqualTo(e.breakdownMib()));
  }

  @Test
  void everyBufferMatchesToThePrecisionLlamaCppPrints() {
    // two decimals for model and KV buffers, four for compute buffers printed at exit
    assertThat(ERRORS.stream().filter(e -> !e.component().equals("self")))
        .allSatisfy(
            e -> assertThat(Math.abs(e.errorMib())).as(e.toString()).isLessThanOrEqualTo(PRINTED));
  }
}
