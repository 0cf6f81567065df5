package dev.tokbench.run.tinygrad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.formats.tinygrad.TinygradBench;
import dev.tokbench.formats.tinygrad.TinygradLog;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import dev.tokbench.results.Status;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code scripts/gpu/tinygrad-h200.sh} wrote on a CPU run here ({@code
 * run/tinygrad/h200-script-cpu/}, its README says how): the rows of each {@code tokbench run
 * tinygrad} read back, and the raw streams it split out of each run log read by the log readers to
 * the same numbers, so the H200's outputs can become test resources either way.
 */
class H200ScriptOutputsTest {
  private static Path file(String name) {
    return RunFixtures.path("tinygrad/h200-script-cpu/" + name);
  }

  private static List<BenchResult> rows(String step) {
    return ResultsFile.read(file(step + ".jsonl"));
  }

  @Test
  void theHarnessColdRowsAreItsSplitRawLinesMarkedCold() {
    List<BenchResult> rows = rows("harness-cold");
    List<BenchResult> raw = TinygradBench.read(file("harness-cold.cold.stdout"));

    assertThat(rows).extracting(BenchResult::test).containsExactly("pp32", "tg8");
    assertThat(rows)
        .extracting(BenchResult::samples)
        .containsExactlyElementsOf(raw.stream().map(BenchResult::samples).toList());
    assertThat(rows).allSatisfy(r -> assertThat(BeamPhase.of(r)).contains(BeamPhase.COLD));
    assertThat(rows.get(0).flags()).containsEntry("beam_cache_fresh", "true");
    assertThat(rows.get(0).provenance()).containsKey("beam_cache_path");
  }

  @Test
  void llama3ColdsRowIsTheSplitLogReadByTinygradLog() {
    BenchResult row = rows("llama3-cold").get(0);
    BenchResult raw = TinygradLog.read(file("llama3-cold.cold.stdout"));

    assertThat(row.test()).isEqualTo("tg20");
    assertThat(row.ok()).isTrue();
    assertThat(row.samples()).isEqualTo(raw.samples());
    assertThat(BeamPhase.of(row)).contains(BeamPhase.COLD);
  }

  @Test
  void searchesCutAtTheirCapsAreFailedRowsSayingSoAndTheWarmRunKnowsIt() {
    List<BenchResult> rows = rows("llama3-beam");

    assertThat(rows)
        .extracting(r -> BeamPhase.of(r).orElseThrow())
        .containsExactly(BeamPhase.SEARCH, BeamPhase.WARM);
    assertThat(rows).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.FAILED));
    assertThat(rows.get(0).reason()).startsWith("timed out after");
    assertThat(rows.get(0).flags()).containsEntry("JITBEAM", "2");
    assertThat(rows.get(1).flags()).containsEntry("beam_search_finished", "false");
    assertThat(TinygradBench.read(file("harness-beam.search.stdout")))
        .allSatisfy(r -> assertThat(r.reason()).contains("SIGTERM"));
  }
}
