package dev.tokbench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultStore;
import dev.tokbench.testing.Scripts;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a real JVM running {@code tokbench sweep}, kills it with SIGKILL in the middle of a cell,
 * and finishes the sweep by running it again: every cell ends with exactly its 8 rows.
 */
class SweepKillTest {
  @TempDir Path dir;

  @Test
  void aSweepKilledMidCellIsFinishedByARunWithNoRowLostOrDuplicated() throws Exception {
    Path replay = Scripts.install(dir, "replay.sh");
    Path yaml = SweepTest.writeSweep(dir, replay, "0.05");
    Path store = dir.resolve("out/store.jsonl");
    Process jvm = startSweepJvm(yaml);
    try {
      waitUntilMidCell(store, jvm);
    } finally {
      List<ProcessHandle> children = jvm.descendants().toList();
      jvm.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
      children.forEach(ProcessHandle::destroyForcibly);
      jvm.waitFor();
    }
    Map<String, String> firstAttempts;
    int doneBefore;
    try (ResultStore s = ResultStore.open(store)) {
      doneBefore = s.donePoints().size();
      firstAttempts = startedByCell(s.rows());
    }
    assertThat(doneBefore).as("killed after some cells, before all").isBetween(2, 5);

    SweepReport r =
        SweepFile.read(yaml)
            .progress(new PrintStream(System.out, true, StandardCharsets.UTF_8), false)
            .run();

    assertThat(r.skipped()).isEqualTo(doneBefore);
    assertThat(r.ran()).isEqualTo(6 - doneBefore);
    assertThat(r.rows()).hasSize(48).allMatch(BenchResult::ok);
    assertThat(SweepTest.rowsPerCell(r).values()).containsOnly(8L).hasSize(6);
    // the cells finished before the kill were not run again: same start time as before
    assertThat(startedByCell(r.rows())).containsAllEntriesOf(firstAttempts);
    long doneLines =
        Files.readAllLines(store).stream().filter(l -> l.contains("\"done\":")).count();
    assertThat(doneLines).as("one done line per cell").isEqualTo(6);
  }

  private Process startSweepJvm(Path yaml) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.tokbench.cli.Main",
            "sweep",
            yaml.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("child.log").toFile());
    return pb.start();
  }

  /** Waits for at least two done cells and a row of the next one, so the kill lands mid-cell. */
  private static void waitUntilMidCell(Path store, Process jvm) throws Exception {
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (System.nanoTime() < deadline && jvm.isAlive()) {
      if (Files.exists(store)) {
        List<String> lines = Files.readAllLines(store);
        long done = lines.stream().filter(l -> l.contains("\"done\"")).count();
        boolean rowAfterDone =
            !lines.isEmpty() && !lines.get(lines.size() - 1).contains("\"done\"");
        if (done >= 2 && rowAfterDone) return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the sweep JVM never got mid-cell; alive=" + jvm.isAlive());
  }

  private static Map<String, String> startedByCell(List<BenchResult> rows) {
    return rows.stream()
        .collect(
            Collectors.toMap(
                r -> r.provenance().get("sweep_cell"),
                r -> r.provenance().get("started"),
                (a, b) -> a));
  }
}
