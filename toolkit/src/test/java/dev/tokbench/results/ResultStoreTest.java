package dev.tokbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultStoreTest {
  @TempDir Path dir;

  private static List<BenchResult> h100() {
    return LlamaBenchOutput.read(RunFixtures.path("llama-bench/h100-report-matrix.json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"store.jsonl", "store.csv"})
  void onlyCellsMarkedDoneCountAfterReopening(String name) {
    Path file = dir.resolve(name);
    List<BenchResult> rows = h100();
    try (ResultStore s = ResultStore.open(file)) {
      s.append("cell=a", rows.get(0));
      s.append("cell=a", rows.get(1));
      s.pointDone("cell=a");
      s.append("cell=b", rows.get(2)); // the process dies before cell b is done
    }
    try (ResultStore s = ResultStore.open(file)) {
      assertThat(s.donePoints()).containsExactly("cell=a");
      assertThat(s.rows()).hasSize(2);
      assertThat(s.rows().get(0).tokensPerSMean()).isEqualTo(rows.get(0).tokensPerSMean());
      s.append("cell=b", rows.get(2));
      s.pointDone("cell=b");
    }
    try (ResultStore s = ResultStore.open(file)) {
      assertThat(s.donePoints()).containsExactlyInAnyOrder("cell=a", "cell=b");
      assertThat(s.rows()).hasSize(3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"torn.jsonl", "torn.csv"})
  void aWriteTornByACrashIsCutOffOnReopening(String name) throws Exception {
    Path file = dir.resolve(name);
    try (ResultStore s = ResultStore.open(file)) {
      s.append("c=1", h100().get(0));
      s.pointDone("c=1");
    }
    Files.writeString(
        file, "{\"cell\": \"c=2\", \"attempt\": \"x\", \"ro", StandardOpenOption.APPEND);

    try (ResultStore s = ResultStore.open(file)) {
      assertThat(s.donePoints()).containsExactly("c=1");
      s.append("c=2", h100().get(1));
      s.pointDone("c=2");
      assertThat(s.rows()).hasSize(2);
    }
  }

  @Test
  void jsonlRowsRoundTripEveryField() {
    for (BenchResult r : h100()) {
      assertThat(ResultsJsonl.parse(ResultsJsonl.line(r), "t", 1)).isEqualTo(r);
    }
    BenchResult failed =
        LlamaBenchOutput.read(RunFixtures.path("llama-bench/missing-model.stdout")).get(0);
    assertThat(ResultsJsonl.parse(ResultsJsonl.line(failed), "t", 1)).isEqualTo(failed);
  }

  @Test
  void csvStoreRowsCarryTheirCell() {
    Path file = dir.resolve("s.csv");
    try (ResultStore s = ResultStore.open(file)) {
      s.append("m=x", h100().get(0));
      s.pointDone("m=x");
      assertThat(s.rows().get(0).provenance()).containsEntry("sweep_cell", "m=x");
    }
  }
}
