package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Comparison;
import dev.tokbench.tables.Tables;
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
    List<BenchResult> rows =
        h100.results().stream().filter(r -> r.framework().equals("llama.cpp")).toList();
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
    assertThat(Tables.comparison(c).columnNames())
        .containsExactly(
            "Model",
            "Quant",
            "FA",
            "Test",
            "t/s jetson-orin-agx-2025-07-17",
            "t/s h100-sxm5-2026-11-25",
            "Speedup");
  }

  @Test
  void sideBySideTableShowsSpeedupAndBandwidthOfBothDevices() {
    ReportTable t = Report.from(TestData.orin()).compareTable(h100);
    assertThat(t.rows()).hasSize(12);
    assertThat(t.markdownCells().get(1))
        .containsExactly(
            "LLaMA 1B Q6_K",
            "off",
            "tg128",
            "25.59",
            "633.68",
            "24.8×",
            "26.6 (13.0%)",
            "642.5 (19.2%)");
  }

  @Test
  void tinygradLogsGiveOneMeasuredRunAndTwoFailuresWithTheirCause() {
    assertThat(h100.table("summary").markdownCells())
        .contains(
            List.of("tinygrad DEV=CUDA", "—", "47.85 tok/s", "—"),
            List.of("tinygrad DEV=NV", "— (failed)", "—", "—"),
            List.of("tinygrad CUDA=1", "— (failed)", "—", "—"));
    BenchResult nv =
        h100.results().stream()
            .filter(r -> r.flags().getOrDefault("env", "").equals("DEV=NV"))
            .findFirst()
            .orElseThrow();
    // the exception tinygrad died of, from the log, and the exit code from the run's record
    assertThat(nv.reason())
        .isEqualTo("exit 1: StopIteration (at runtime/ops_nv.py:441 in setup_usermode)");
    assertThat(nv.model()).isEqualTo("llama-3.2-1b");
    assertThat(nv.quant()).isEqualTo("Q6_K");
    assertThat(nv.backend()).isEqualTo("NV");
    assertThat(nv.device()).isEqualTo("NVIDIA H100 80GB HBM3");
    assertThat(h100.table("bandwidth").markdownCells())
        .contains(List.of("tinygrad DEV=CUDA", "1B Q4_K_M", "237.8 GB/s", "7.1%"));
  }
}
