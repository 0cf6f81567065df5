package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.formats.Import;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MergedRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent drop: every row of a data folder is in exactly one cell of a result table, showing its
 * configuration's figure, or in the "not shown" list with why; over every data folder and over a
 * folder holding every fixture at once.
 */
class EveryRowIsShownTest {
  @TempDir Path dir;

  @Test
  void everyRowOfEveryDataFolderIsInOneCell() {
    for (String folder :
        List.of("jetson-orin-agx-2025-07-17", "h100-sxm5-2026-11-25", "h200-2026-12-01")) {
      Report r = Report.from(TestData.root().resolve(folder));
      assertEveryRowPlacedOnce(r);
      assertThat(r.placements()).as(folder).allMatch(Placement::shown);
      assertThat(r.tableNames()).as(folder).doesNotContain("not-shown");
    }
  }

  @Test
  void aFolderOfEveryFixtureShowsEveryRowOrSaysWhyNot() {
    Path folder = Folders.allFixtures(dir.resolve("all"));
    Report r = Report.from(folder);
    assertEveryRowPlacedOnce(r);

    // every row of every file that is a run of its own is a row of the folder, or a skipped file's
    int expected = 0;
    for (Path f : Folders.files(folder.resolve("runs"))) {
      if (!isCompanion(f)) expected += Import.read(f).size();
    }
    int skipped = r.data().skipped().stream().mapToInt(SkippedFile::rows).sum();
    assertThat(r.results().size() + skipped).isEqualTo(expected);
    // files are read in path order: runs/copy-of-cpu-tiny.json before runs/llama-bench/
    assertThat(r.data().skipped())
        .anySatisfy(
            s -> {
              assertThat(s.file().toString()).isEqualTo("runs/llama-bench/cpu-tiny.json");
              assertThat(s.reason()).isEqualTo("same content as runs/copy-of-cpu-tiny.json");
              assertThat(s.rows()).isEqualTo(8);
            });

    String md = r.markdown();
    ReportTable notShown = r.table("not-shown");
    assertThat(md).contains("## Not shown").contains(notShown.markdown());
    for (Placement p : r.placements()) {
      if (p.shown()) {
        ReportTable t = r.table(p.table());
        assertThat(md).as(p.table()).contains(t.markdown());
        String cell = t.entry(p.tableRow(), p.column()).plain();
        String want = p.row().ok() ? fixed(configOf(r, p.row()).mean(), 2) : "— (";
        assertThat(cell).as(p.toString()).contains(want);
      } else {
        assertThat(p.reason()).as(p.toString()).isNotBlank();
        assertThat(notShown.markdownCells())
            .anySatisfy(row -> assertThat(row).contains(p.reason()));
      }
    }
    // the failed llama-bench run, with the error its stderr printed; the two failed tinygrad runs
    assertThat(notShown.markdownCells())
        .anySatisfy(row -> assertThat(row.get(2)).contains("failed to load model"))
        .anySatisfy(row -> assertThat(row.get(2)).contains("StopIteration"))
        .anySatisfy(row -> assertThat(row.get(2)).contains("CUDA=1 is deprecated"))
        .anySatisfy(row -> assertThat(row.get(0)).isEqualTo("runs/llama-bench/cpu-tiny.json"));
    // vLLM's and MLC's rows have tables of their own
    assertThat(r.tableNames()).contains("vllm", "mlc-llm");
    assertThat(md).contains("## 3. Other Frameworks");
  }

  @Test
  void tinygradsBeamAndHarnessRowsAreInCellsAndOnlyTheFailedSearchesAreNot() throws Exception {
    Path folder = Folders.of(dir.resolve("tg"), "NVIDIA H200");
    for (Path f : Folders.files(Folders.fixture("tinygrad/h200"))) {
      if (f.toString().endsWith(".jsonl")) Files.copy(f, folder.resolve("runs/" + f.getFileName()));
    }
    Folders.copyTree(Folders.fixture("tinygrad/beam"), folder.resolve("runs/beam"));
    Folders.copyTree(Folders.fixture("tinygrad/harness"), folder.resolve("runs/harness"));
    Report r = Report.from(folder);
    assertEveryRowPlacedOnce(r);
    List<Placement> notShown = r.placements().stream().filter(p -> !p.shown()).toList();
    // harness-beam's search was SIGTERMed by the session's budget, the harness fixtures hold
    // failed runs (SIGTERM, too old, qwen3): failed rows, each with its reason
    assertThat(notShown)
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.row().ok()).isFalse();
              assertThat(p.reason()).startsWith("failed: ");
            })
        .anySatisfy(p -> assertThat(p.reason()).contains("SIGTERM"));
    assertThat(r.placements())
        .filteredOn(p -> p.row().ok())
        .allMatch(Placement::shown)
        .anyMatch(p -> p.table().equals(BeamTable.NAME))
        .anyMatch(p -> p.table().equals(HarnessTable.NAME));
    for (Placement p : r.placements()) {
      if (!p.shown() || !p.row().ok()) continue;
      String cell = r.table(p.table()).entry(p.tableRow(), p.column()).plain();
      assertThat(cell).as(p.toString()).contains(fixed(configOf(r, p.row()).mean(), 2));
    }
  }

  private static boolean isCompanion(Path f) {
    String n = f.getFileName().toString();
    return n.equals("env.txt")
        || n.equals("README.md")
        || n.endsWith(".meta.json")
        || n.endsWith(".stderr.md")
        || n.endsWith(".stderr")
        || (n.endsWith(".stdout")
            && Files.exists(f.resolveSibling(n.replaceFirst("\\.stdout$", ".log"))));
  }

  private static MergedRuns configOf(Report r, BenchResult row) {
    for (MergedRuns c : r.data().configurations()) {
      for (BenchResult run : c.runs()) if (run == row) return c;
    }
    throw new AssertionError("no configuration holds " + row);
  }

  private static void assertEveryRowPlacedOnce(Report r) {
    List<Placement> placements = r.placements();
    assertThat(placements).hasSameSizeAs(r.results());
    Map<BenchResult, Boolean> seen = new IdentityHashMap<>();
    for (Placement p : placements) assertThat(seen.put(p.row(), true)).as(p.toString()).isNull();
    for (BenchResult row : r.results()) assertThat(seen).containsKey(row);
  }
}
