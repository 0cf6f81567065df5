package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Comparison;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code compare}: the H100 against the H200, paired on every setting but the device. */
class CompareTest {
  private final Path h100 = TestData.h100();
  private final Path h200 = TestData.root().resolve("h200-2026-12-01");

  @Test
  void theH100ToH200SpeedupsAreTheRatiosOfLlamaBenchsOwnMeans() {
    Compare c = Compare.of(h100, h200);
    assertThat(c.differing()).containsExactly("device");
    Comparison pairs = c.comparison();
    assertThat(pairs.rows()).hasSize(12);
    List<BenchResult> a = LlamaBenchOutput.read(h100.resolve("h100-report-matrix.json"));
    List<BenchResult> b = LlamaBenchOutput.read(h200.resolve("runs/matrix.jsonl"));
    for (Comparison.Pair p : pairs.rows()) {
      BenchResult base = same(a, p.baseline());
      if (p.candidate().provenance().containsKey("merged_runs")) {
        // 1B Q4_K_M tg128 with FA: the matrix run and the depth run's d0, pooled
        assertThat(p.candidate().samples()).hasSize(5);
        continue;
      }
      BenchResult cand = same(b, p.candidate());
      assertThat(p.speedup()).isEqualTo(cand.tokensPerSMean() / base.tokensPerSMean());
    }
    // 1B Q6_K tg128: 644.21 / 633.68, decode faster on the H200 beyond the repetitions' noise
    Comparison.Pair tg = pairs.rows().get(1);
    assertThat(tg.baseline().test()).isEqualTo("tg128");
    assertThat(tg.speedup()).isCloseTo(644.21 / 633.68, within(1e-4));
    assertThat(tg.statistics().significant()).isTrue();
    assertThat(pairs.rows().get(0).statistics().significant()).as("pp512, CV 15%").isFalse();
  }

  @Test
  void rendersAsMarkdownCsvAndJsonSayingWhichTestItUsed() throws Exception {
    Compare c = Compare.of(h100, h200);
    assertThat(c.markdown())
        .startsWith("# h100-sxm5-2026-11-25 against h200-2026-12-01\n")
        .contains("| LLaMA 1B Q6_K   | off | tg128 | 633.68 ± 2.63")
        .contains("paired on every setting but device", "Welch's t-test");
    List<String> csv = c.csv().lines().toList();
    assertThat(csv).hasSize(13);
    assertThat(csv.get(0)).contains("speedup,ci95_low,ci95_high,welch_t,welch_df,p,significant");
    JsonNode json = new ObjectMapper().readTree(c.json());
    assertThat(json.path("test").asText()).isEqualTo("welch");
    assertThat(json.path("differing").get(0).asText()).isEqualTo("device");
    assertThat(json.path("pairs")).hasSize(12);
    assertThat(json.path("pairs").get(1).path("baseline_side").path("device").asText())
        .isEqualTo("NVIDIA H100 80GB HBM3");
    // 36 llama-bench H200 rows: two depth-0 rows merge with the matrix (34 configurations), 12
    // paired; and the 56 llama-batched-bench rows (2 files × 14 lines × pp, tg), which the H100
    // lacks
    assertThat(json.path("unpaired_candidate").asInt()).isEqualTo(22 + 56);
  }

  @Test
  void foldersThatNameModelsDifferentlyPairByTheirInventoryLabels() {
    Compare c = Compare.of(TestData.orin(), h100);
    assertThat(c.comparison().rows()).hasSize(12);
    // the Orin's rows state 3 repetitions and a stddev: enough for the test
    assertThat(c.comparison().rows().get(1).statistics().testable()).isTrue();
  }

  @Test
  void aSettingNoRowHasIsAnErrorNamingTheSettingsThereAre() {
    assertThatThrownBy(() -> Compare.of(h100, h200).by("modle").comparison())
        .hasMessageContaining("--by modle: no row has that setting; settings are [framework");
  }

  private static BenchResult same(List<BenchResult> rows, BenchResult r) {
    return rows.stream()
        .filter(
            x ->
                x.test().equals(r.test())
                    && x.flashAttn() == r.flashAttn()
                    && x.model().equals(r.model())
                    && x.quant().equals(r.quant()))
        .findFirst()
        .orElseThrow();
  }
}
