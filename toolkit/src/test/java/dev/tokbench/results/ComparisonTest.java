package dev.tokbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.report.TestData;
import dev.tokbench.tables.BenchTable;
import dev.tokbench.tables.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ComparisonTest {
  private final List<BenchResult> h100 =
      LlamaBenchOutput.read(TestData.h100().resolve("h100-report-matrix.json"));

  @Test
  void flashAttentionGainIsCandidateOverBaselineLikeCompareLlamaBench() {
    List<BenchResult> off = h100.stream().filter(r -> r.flashAttn() == FlashAttention.OFF).toList();
    List<BenchResult> on = h100.stream().filter(r -> r.flashAttn() == FlashAttention.ON).toList();
    Comparison c = Comparison.of("fa off", off, "fa on", on, Comparison.IGNORING_FLASH_ATTENTION);
    assertThat(c.rows()).hasSize(6);
    Table t = Tables.comparison(c);
    assertThat(t.columnNames())
        .containsExactly("Model", "Quant", "FA", "Test", "t/s fa off", "t/s fa on", "Speedup");
    // 1B Q6_K tg128: 745.042702 / 633.682095
    assertThat(t.doubleColumn("Speedup").get(1)).isEqualTo(745.042702 / 633.682095);
    assertThat(c.speedupRange().format(2)).isEqualTo("1.10-1.24");
    assertThat(c.toString()).contains("6 pairs");
  }

  @Test
  void rowsWithoutAPartnerOrMeasurementAreLeftOut() {
    List<BenchResult> one =
        List.of(h100.get(0), BenchResult.failed("vllm", Status.NOT_INSTALLED, "no wheel"));
    Comparison c = Comparison.of("a", one, "b", h100, Comparison.SAME_TEST);
    assertThat(c.rows()).hasSize(1);
    assertThat(c.rows().get(0).speedup()).isEqualTo(1.0);
  }

  @Test
  void tableAndGroupedSummaryOfResults() {
    Table t = BenchTable.of(h100);
    assertThat(t.rowCount()).isEqualTo(12);
    assertThat(t.longColumn("model_bytes").get(0)).isEqualTo(1013968896L);
    Table s = BenchTable.summarize(t, "quant", "test");
    assertThat(s.rowCount()).isEqualTo(4);
    assertThat(s.columnNames())
        .contains("Mean [tokens_per_s_mean]", "Std. Deviation [tokens_per_s_mean]");
  }

  @Test
  void tokensPerSecondShowTwoDecimalsLikeLlamaBenchButKeepEveryDigit() {
    Table t = BenchTable.of(h100).selectColumns("test", "tokens_per_s_mean");
    // 1B Q6_K tg128 without flash attention: 633.682095 in the JSON
    assertThat(t.doubleColumn("tokens_per_s_mean").get(1)).isEqualTo(633.682095);
    assertThat(t.doubleColumn("tokens_per_s_mean").getString(1)).isEqualTo("633.68");
    assertThat(t.print()).contains("633.68").doesNotContain("633.682095");
  }
}
