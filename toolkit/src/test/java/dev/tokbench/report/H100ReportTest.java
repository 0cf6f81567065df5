package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Comparison;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The H100 folder holds llama-bench's JSON as it came; the tables come from it. */
class H100ReportTest {
  private final Report h100 = Report.from(TestData.h100());

  @Test
  void everyJsonTestAppearsInTheLlamaCppTableAtTwoDecimals() {
    List<String> cells =
        h100.table("llama.cpp").markdownCells().stream().flatMap(List::stream).toList();
    List<BenchResult> rows = h100.results();
    assertThat(rows).hasSize(12);
    for (BenchResult r : rows) {
      String s =
          String.format(Locale.ROOT, "%.2f ± %.2f", r.tokensPerSMean(), r.tokensPerSStddev());
      assertThat(cells).contains(r.test().startsWith("tg") ? "**" + s + "**" : s);
    }
  }

  @Test
  void bandwidthIsJudgedAgainstHbm3() {
    assertThat(h100.data().device().theoretical().gbPerS()).isEqualTo(3350.0);
    // 1013968896 bytes × 633.682095 tok/s = 642.5 GB/s = 19.2% of 3350
    assertThat(h100.table("bandwidth").markdownCells())
        .contains(List.of("llama.cpp", "1B Q6_K", "~642.5 GB/s*", "19.2%"));
    assertThat(h100.table("prefill").rows()).hasSize(6);
  }

  @Test
  void comparesWithTheOrinLikeCompareLlamaBench() {
    // the folders name models differently; their inventories give both the label LLaMA 1B Q6_K
    Comparison c = Report.from(TestData.orin()).compareWith(h100);
    assertThat(c.rows()).hasSize(12);
    Comparison.Pair tg = c.rows().get(1);
    assertThat(tg.baseline().test()).isEqualTo("tg128");
    assertThat(tg.speedup()).isEqualTo(633.682095 / 25.59);
    assertThat(c.table().columnNames())
        .containsExactly(
            "Model",
            "Quant",
            "FA",
            "Test",
            "t/s jetson-orin-agx-2025-07-17",
            "t/s h100-sxm5-2026-11-25",
            "Speedup");
  }
}
