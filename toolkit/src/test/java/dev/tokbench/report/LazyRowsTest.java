package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.ResultsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large tables make their rows when they are read ({@link LazyRows}): the same rows each time,
 * and the page's count of the runs the rows it leaves out hold comes from the sources each table
 * gives beside its rows, which must be the rows its entries name. Checked over every data folder
 * and over a fleet-shaped folder whose tables are longer than a page shows.
 */
class LazyRowsTest {
  @TempDir Path dir;

  @Test
  void everyLazyTableOfEveryDataFolderNamesTheSourcesItsEntriesName() {
    for (String folder :
        List.of(
            "jetson-orin-agx-2025-07-17",
            "h100-sxm5-2026-11-25",
            "h200-2026-12-01",
            "h200-energy-2026-12-01",
            "h200-serve-2026-12-01")) {
      assertSourcesAgree(Report.from(TestData.root().resolve(folder)), folder);
    }
  }

  @Test
  void aFleetsLongTablesCountTheRunsTheyLeaveOutFromTheirSources() throws IOException {
    Report r = Report.from(fleet(dir.resolve("fleet")));
    List<String> lazy = assertSourcesAgree(r, "fleet");
    assertThat(lazy).contains("llama.cpp", "repeats", "bandwidth", "ceiling", "ratios");
    ReportTable llama = r.table("llama.cpp");
    assertThat(llama.rows().size()).isGreaterThan(PageBounds.TABLE_ROWS);
    int hidden = PageBounds.runs(List.copyOf(llama.rows()), PageBounds.TABLE_ROWS);
    assertThat(hidden).isPositive();
    assertThat(llama.markdown()).contains("they hold " + PageBounds.count(hidden) + " runs");
    // made twice, a row is the same row: a lazy table is a value like a copied one
    assertThat(llama.rows().get(220)).isEqualTo(llama.rows().get(220));
    assertThat(List.copyOf(llama.rows())).isEqualTo(llama.rows());
  }

  @Test
  void aRowAsWideAsNoHeaderIsRefusedNamingItsTableWhenItIsMade() {
    List<List<Entry>> rows =
        LazyRows.withoutSources(3, i -> i == 2 ? List.of(Entry.text("x")) : cells(i));
    ReportTable t = new ReportTable("t", "T", List.of("a", "b"), rows, "");
    assertThat(t.rows().get(1)).extracting(Entry::plain).containsExactly("1", "1");
    assertThatThrownBy(() -> t.rows().get(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("t: row 2 has 1 cells for 2 headers");
  }

  private static List<Entry> cells(int i) {
    return List.of(Entry.text(Integer.toString(i)), Entry.number(Integer.toString(i), i));
  }

  /** The names of the lazy tables, after checking each one's sources. */
  private static List<String> assertSourcesAgree(Report r, String folder) {
    List<String> lazy = new ArrayList<>();
    for (ReportTable t : r.tables()) {
      if (!(t.rows() instanceof LazyRows rows)) continue;
      lazy.add(t.name());
      List<List<Entry>> made = List.copyOf(rows);
      for (int from : List.of(0, 1, Math.min(made.size(), PageBounds.TABLE_ROWS))) {
        assertThat(rows.runsFrom(from))
            .as(folder + " " + t.name() + " from row " + from)
            .isEqualTo(PageBounds.runs(made, from));
      }
    }
    return lazy;
  }

  /**
   * A fleet's folder in small: 20 models × 2 quantizations × FA off/on × pp512/tg128 × 3 thread
   * counts (240 rows of the llama.cpp table), each configuration in two runs of one results file,
   * on a device of the catalogue.
   */
  static Path fleet(Path folder) throws IOException {
    Files.createDirectories(folder.resolve("runs"));
    Files.writeString(
        folder.resolve("device.csv"),
        "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
            + "NVIDIA H200,,,catalogue\n");
    List<BenchResult> rows = new ArrayList<>();
    for (int m = 0; m < 20; m++) {
      for (String quant : List.of("Q4_K_M", "Q8_0")) {
        for (FlashAttention fa : List.of(FlashAttention.OFF, FlashAttention.ON)) {
          for (String test : List.of("pp512", "tg128")) {
            for (String threads : List.of("4", "8", "16")) {
              for (int run = 0; run < 2; run++) {
                rows.add(row(m, quant, fa, test, threads, run));
              }
            }
          }
        }
      }
    }
    ResultsCsv.write(folder.resolve("runs/results.csv"), rows);
    return folder;
  }

  private static BenchResult row(
      int m, String quant, FlashAttention fa, String test, String threads, int run) {
    boolean pp = test.equals("pp512");
    double rate = (pp ? 9000 : 250) * (1 + m / 20.0) * (fa == FlashAttention.ON ? 1.1 : 1);
    List<Double> samples = List.of(rate + run, rate + run + 1, rate + run + 2);
    return BenchResult.measured("llama.cpp")
        .backend("CUDA")
        .model("model-" + m, quant)
        .test(test, pp ? 512 : 0, pp ? 0 : 128, 0)
        .flashAttn(fa)
        .tokensPerS(rate + run + 1, 1, samples)
        .size(800_000_000L + m * 10_000_000L, 1_200_000_000L + m * 100_000_000L)
        .device("NVIDIA H200")
        .flags(Map.of("n_threads", threads, "n_gpu_layers", "99"))
        .provenance(Map.of("build_commit", "aaaaaaa", "run", Integer.toString(run)))
        .build();
  }
}
