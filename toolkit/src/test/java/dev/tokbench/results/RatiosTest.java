package dev.tokbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.report.Report;
import dev.tokbench.report.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's ratios on the transcribed Orin rows. */
class RatiosTest {
  private final List<BenchResult> orin = Report.from(TestData.orin()).results();

  @Test
  void flashAttentionGainsEightToThirtyPercent() {
    Comparison fa = Ratios.flashAttention(orin);
    assertThat(fa.rows()).hasSize(6);
    assertThat(fa.speedupRange().format(2)).isEqualTo("1.08-1.30");
  }

  @Test
  void quantizationGainOfQ4KmOverQ6KIsPerFrameworkAndTest() {
    Comparison q = Ratios.quantization(orin, "Q6_K", "Q4_K_M");
    // llama.cpp pp/tg with FA off and on, tinygrad NV and CUDA
    assertThat(q.rows()).hasSize(6);
    assertThat(q.rows().get(1).speedup()).isEqualTo(31.51 / 25.59);
  }

  @Test
  void frameworkGapPairsEachTinygradRowWithLlamaCppWithoutFlashAttention() {
    Comparison gap = Ratios.frameworks(orin, "tinygrad", "llama.cpp");
    assertThat(gap.rows()).hasSize(6);
    assertThat(gap.rows()).allMatch(p -> p.candidate().flashAttn() == FlashAttention.OFF);
    assertThat(gap.speedupRange().format(2)).isEqualTo("3.37-4.26");
  }

  @Test
  void smallerModelRunsAboutAsManyTimesFasterAsItHasFewerParameters() {
    Comparison size = Ratios.models(orin, "LLaMA 3.2 3B Instruct", "LLaMA 3.2 1B Instruct");
    assertThat(size.rows()).hasSize(6);
    assertThat(size.speedupRange().format(2)).isEqualTo("2.31-2.73");
  }

  @Test
  void reportListsEveryRatioOnce() {
    assertThat(Report.from(TestData.orin()).table("ratios").rows()).hasSize(24);
  }
}
