package dev.tokbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows are built by naming their fields, and copied through the same builder. */
class BenchResultBuilderTest {
  private static final BenchResult TG128 =
      BenchResult.measured("llama.cpp")
          .backend("CUDA")
          .model("llama-3.2-1b", "Q6_K")
          .test("tg128", 0, 128, 0)
          .flashAttn(FlashAttention.OFF)
          .tokensPerS(633.68, 1.5, List.of(632.0, 635.36))
          .size(1_013_968_896L, 1_235_814_400L)
          .device("NVIDIA H100 80GB HBM3")
          .flags(Map.of("n_gpu_layers", "99"))
          .provenance(Map.of("host", "h100"))
          .build();

  @Test
  void aMeasuredRowHoldsWhatWasNamedAndKnowsNothingElse() {
    assertThat(TG128.toString())
        .isEqualTo("llama.cpp/CUDA llama-3.2-1b Q6_K tg128 = 633.68 ± 1.50 tok/s");
    assertThat(TG128.modelBytes()).isEqualTo(1_013_968_896L);
    assertThat(TG128.extra()).isEmpty();
    BenchResult bare = BenchResult.measured("vllm").tokensPerS(10, Double.NaN, List.of()).build();
    assertThat(bare.nParams()).isEqualTo(-1);
    assertThat(bare.tokensPerSStddev()).isNaN();
    assertThat(bare.ok()).isTrue();
  }

  @Test
  void aRowIsCheckedWhenBuilt() {
    assertThatThrownBy(() -> BenchResult.measured("tinygrad").test("tg20", 0, 20, 0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an ok row needs tokens/s");
  }

  @Test
  void aFailedRowNamesWhatTheRunWasMeantToMeasure() {
    RunIdentity id =
        RunIdentity.of("vllm", "meta-llama/Llama-3.2-1B-Instruct")
            .backend("CUDA")
            .test("pp512+tg128", 512, 128)
            .flags(Map.of("batch_size", "1"));
    BenchResult r = BenchResult.failed(id, Status.NOT_INSTALLED, "vllm not installed");
    assertThat(r.status()).isEqualTo(Status.NOT_INSTALLED);
    assertThat(r.reason()).isEqualTo("vllm not installed");
    assertThat(r.test()).isEqualTo("pp512+tg128");
    assertThat(r.nPrompt()).isEqualTo(512);
    assertThat(r.flags()).containsEntry("batch_size", "1");
    assertThat(r.tokensPerSMean()).isNaN();
  }

  @Test
  void copiesChangeOnlyWhatTheyName() {
    assertThat(TG128.toBuilder().build()).isEqualTo(TG128);
    BenchResult failed = TG128.withStatus(Status.FAILED, "killed");
    assertThat(failed.toBuilder().status(Status.OK, "").build()).isEqualTo(TG128);
    assertThat(TG128.withProvenance(Map.of("gpu", "H100")).provenance())
        .containsEntry("host", "h100")
        .containsEntry("gpu", "H100");
  }
}
