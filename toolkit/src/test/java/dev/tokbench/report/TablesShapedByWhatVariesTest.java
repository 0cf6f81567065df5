package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.bandwidth.Bandwidth;
import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings that vary become columns or splits, constant ones are stated once above the table,
 * repeats are merged with their statistics, each row is judged by its own device.
 */
class TablesShapedByWhatVariesTest {
  @TempDir Path dir;

  @Test
  void aThreadAndDepthSweepShowsEveryPointWithThreadsAsAColumnAndDepthsAsTests() {
    Path f =
        Folders.of(dir, Folders.H100, Folders.fixture("llama-bench/cpu-tiny-depth-threads.json"));
    ReportTable t = Report.from(f).table("llama.cpp");
    assertThat(t.headers())
        .containsExactly("Model", "Quant", "FA", "Threads", "tg16 (tok/s)", "tg16 @ d256 (tok/s)");
    // -t 1,2 -d 0,256: 38935.70, 15738.46 at one thread; 12953.93, 6578.31 at two
    assertThat(t.markdownCells())
        .containsExactly(
            List.of(
                "tiny-qwen3",
                "F16",
                "auto",
                "1",
                "**38935.70 ± 1728.05**",
                "**15738.46 ± 2858.80**"),
            List.of(
                "tiny-qwen3",
                "F16",
                "auto",
                "2",
                "**12953.93 ± 851.96**",
                "**6578.31 ± 5341.51**"));
    assertThat(t.settings())
        .startsWith("Same for every row: batch 2048, ubatch 512,")
        .contains("K cache f16", "commit unknown");
  }

  @Test
  void twoRunsOfOneConfigurationAreOneCellThatSaysSoWithTheirPooledStatistics() {
    Path f =
        Folders.of(
            dir,
            Folders.H100,
            Folders.fixture("llama-bench/cpu-tiny.json"),
            Folders.fixture("llama-bench/cpu-tiny.jsonl"));
    Report r = Report.from(f);
    ReportTable t = r.table("llama.cpp");
    assertThat(t.rows()).hasSize(4);
    assertThat(t.entry(0, 3).suffix()).isEqualTo(" (2 runs)");
    ReportTable repeats = r.table("repeats");
    assertThat(repeats.rows()).hasSize(8);
    assertThat(repeats.markdownCells().get(0)).element(1).isEqualTo("2");
    assertThat(repeats.markdownCells().get(0)).element(2).isEqualTo("6");
    assertThat(repeats.footnote()).contains("95% CI = mean ± t(0.975, n-1)", "over 10%");
  }

  @Test
  void rowsOfTwoDevicesSplitTheTableAndAreEachJudgedByTheirOwnBandwidth() {
    Path f =
        Folders.of(
            dir,
            Folders.H100,
            Folders.fixture("llama-bench/h100-report-matrix.json"),
            TestData.root().resolve("h200-2026-12-01/runs/matrix.jsonl"));
    Report r = Report.from(f);
    assertThat(r.tableNames())
        .contains("llama.cpp (NVIDIA H100 80GB HBM3)", "llama.cpp (NVIDIA H200)")
        .doesNotContain("llama.cpp");
    ReportTable bw = r.table("bandwidth");
    assertThat(bw.headers()).contains("Device");
    BenchResult h200 =
        r.results().stream()
            .filter(x -> x.device().equals("NVIDIA H200") && x.test().equals("tg128"))
            .findFirst()
            .orElseThrow();
    double pct =
        Bandwidth.effective(new Bytes(h200.modelBytes()), h200.tokensPerSMean())
            .percentOf(Bandwidth.gbPerS(4800));
    assertThat(bw.markdownCells())
        .anySatisfy(
            row ->
                assertThat(row)
                    .containsSubsequence("NVIDIA H200 141GB", String.format("%.1f%%", pct)));
  }

  @Test
  void aRowOnADeviceTheCatalogueLacksIsListedNotComputedAgainstTheFolders() {
    Path f = Folders.of(dir, Folders.H100, Folders.fixture("llama-bench/cpu-tiny.json"));
    Report r = Report.from(f);
    assertThat(r.table("ceiling").rows()).isEmpty();
    assertThat(r.table("ceiling").footnote())
        .contains("Not computed, no catalogue entry for the device")
        .contains("4 rows on AMD EPYC");
    assertThat(r.tableNames()).doesNotContain("prefill");
  }

  @Test
  void thePublishedTablesKeepTheirShapeAndHaveNothingToStateAboveThem() {
    // their rows share only the identity (backend, device, test), which heading and report state
    Report orin = Report.from(TestData.orin());
    assertThat(orin.table("llama.cpp").settings()).isEmpty();
    assertThat(orin.table("tinygrad 1B Q6_K").settings()).isEmpty();
    assertThat(orin.tableNames()).doesNotContain("repeats", "not-shown");
  }
}
