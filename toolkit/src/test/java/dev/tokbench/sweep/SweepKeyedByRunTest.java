package dev.tokbench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadLineException;
import dev.tokbench.results.BenchResult;
import dev.tokbench.testing.Scripts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A point is keyed by everything that defines its measurement (axis values and the run block), and
 * a sweep file is checked whole before anything runs.
 */
class SweepKeyedByRunTest {
  @TempDir Path dir;
  private Path replay;
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @BeforeEach
  void install() throws Exception {
    replay = Scripts.install(dir, "replay.sh");
  }

  private SweepReport run(Path file) {
    PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8);
    return SweepFile.read(file).progress(out, false).run();
  }

  @Test
  void changingARunSettingMeasuresThePointsAgainAndSaysSo() throws Exception {
    Path file = SweepTest.writeSweep(dir, replay, "0");
    SweepReport first = run(file);
    Files.writeString(file, Files.readString(file).replace("-n, \"32\"", "-n, \"64\""));

    SweepReport second = run(file);
    SweepReport third = run(file);

    assertThat(first.ran()).isEqualTo(6);
    assertThat(second.ran()).as("-n 32 became -n 64: every point changes").isEqualTo(6);
    assertThat(second.skipped()).isZero();
    assertThat(third.ran()).isZero();
    assertThat(third.skipped()).isEqualTo(6);
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("6 points were measured before under other run settings");
    // nothing lost: the earlier rows stay, told apart by their command lines
    assertThat(second.rows()).hasSize(96);
    assertThat(second.rows().stream().map(BenchResult::provenance))
        .anySatisfy(p -> assertThat(p.get("command")).contains("-n 32"))
        .anySatisfy(p -> assertThat(p.get("command")).contains("-n 64"));
  }

  @Test
  void aNewAxisValueRunsOnlyItsPoints() throws Exception {
    Path file = SweepTest.writeSweep(dir, replay, "0");
    run(file);
    Files.writeString(file, Files.readString(file).replace("c.gguf]", "c.gguf, d.gguf]"));

    SweepReport grown = run(file);

    assertThat(grown.ran()).as("only d.gguf's two points are new").isEqualTo(2);
    assertThat(grown.skipped()).isEqualTo(6);
    assertThat(progress.toString(StandardCharsets.UTF_8)).doesNotContain("measured before");
  }

  @Test
  void anUndefinedReferenceIsAnErrorAtItsLineBeforeAnythingRuns() throws Exception {
    Path file = SweepTest.writeSweep(dir, replay, "0");
    Files.writeString(file, Files.readString(file).replace("\"${model}\"", "\"${modle}\""));

    assertThatThrownBy(() -> SweepFile.read(file))
        .isInstanceOf(BadLineException.class)
        .hasMessageContaining("sweep.yaml:9:")
        .hasMessageContaining("run.args[1]: ${modle} is not an axis; did you mean 'model'?")
        .hasMessageContaining("the axes are model, fa");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anUndefinedReferenceInEnvOrAFrameworkKeyIsCaughtToo() throws Exception {
    Path file = SweepTest.writeSweep(dir, replay, "0");
    Files.writeString(
        file, Files.readString(file).replace("REPLAY_DELAY: \"0\"", "REPLAY_DELAY: \"${delay}\""));
    assertThatThrownBy(() -> SweepFile.read(file))
        .hasMessageContaining("run.env.REPLAY_DELAY: ${delay} is not an axis");

    Path bin = SweepTest.writeSweep(Files.createDirectories(dir.resolve("b")), replay, "0");
    Files.writeString(
        bin, Files.readString(bin).replace("binary: " + replay, "binary: ${bindir}/x"));
    assertThatThrownBy(() -> SweepFile.read(bin))
        .hasMessageContaining("run.binary: ${bindir} is not an axis");
  }

  @Test
  void everyExampleSweepShippedParses() throws Exception {
    Path sweeps = Path.of("..").resolve("sweeps").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.list(sweeps)) {
      var list = files.filter(f -> f.toString().matches(".*\\.(yaml|yml|json)")).toList();
      assertThat(list).isNotEmpty();
      for (Path f : list) {
        Sweep s = SweepFile.read(f);
        assertThat(s.points()).as(f.toString()).isNotEmpty();
      }
    }
  }
}
