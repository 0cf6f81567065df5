package dev.tokbench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import dev.tokbench.results.BenchResult;
import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.testing.RunFixtures;
import dev.tokbench.testing.Scripts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
  @TempDir Path dir;
  private Path replay;

  @BeforeEach
  void install() throws Exception {
    replay = Scripts.install(dir, "replay.sh");
  }

  /** A YAML sweep of 3 models x 2 flash-attention settings, each cell replaying 8 real tests. */
  static Path writeSweep(Path dir, Path replay, String delay) throws Exception {
    String yaml =
        String.join(
            "\n",
            "name: replayed",
            "store: out/store.jsonl",
            "axes:",
            "  model: [a.gguf, b.gguf, c.gguf]",
            "  fa: [\"0\", \"1\"]",
            "run:",
            "  framework: llama-bench",
            "  binary: " + replay,
            "  args: [-m, \"${model}\", -fa, \"${fa}\", -p, \"64\", -n, \"32\"]",
            "  env:",
            "    REPLAY_STDOUT: " + RunFixtures.path("llama-bench/cpu-tiny.jsonl"),
            "    REPLAY_DELAY: \"" + delay + "\"",
            "  timeout_s: 60",
            "");
    return Files.writeString(dir.resolve("sweep.yaml"), yaml);
  }

  @Test
  void aYamlSweepRunsEveryCellOnceAndSkipsThemOnReRun() throws Exception {
    Path file = writeSweep(dir, replay, "0");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8);

    SweepReport first = SweepFile.read(file).progress(out, false).run();
    SweepReport again = SweepFile.read(file).progress(out, false).run();

    assertThat(first.points()).isEqualTo(6);
    assertThat(first.ran()).isEqualTo(6);
    assertThat(first.rows()).hasSize(48).allMatch(BenchResult::ok);
    assertThat(again.skipped()).isEqualTo(6);
    assertThat(again.ran()).isZero();
    assertThat(again.rows()).isEqualTo(first.rows());
    assertThat(first.rows().get(0).provenance()).containsEntry("sweep", "replayed");
    // the axis values and the digest of the run block filled in for them
    assertThat(first.rows().get(0).provenance().get("sweep_cell"))
        .matches("model=a\\.gguf,fa=0 run=[0-9a-f]{16}");
    assertThat(first.rows().get(0).provenance().get("command")).contains("-m a.gguf -fa 0");
    String log = progress.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("sweep: [----").contains("1/6").contains("6/6").contains("ETA");
  }

  @Test
  void aTerminalGetsOneBarRedrawnInPlace() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Sweep.named("t")
        .axis("x", "1", "2")
        .store(dir.resolve("t.csv"))
        .runner(
            (cell, sink) ->
                LlamaBench.at(replay)
                    .env("REPLAY_STDOUT", RunFixtures.path("llama-bench/cpu-tiny.jsonl").toString())
                    .env("REPLAY_DELAY", "0")
                    .machine(Map.of())
                    .run(sink))
        .progress(new PrintStream(progress, true, StandardCharsets.UTF_8), true)
        .run();

    String shown = progress.toString(StandardCharsets.UTF_8);
    assertThat(shown).startsWith("\r").contains("[########################] 2/2").endsWith("\n");
    assertThat(shown.chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }

  @Test
  void cellsVaryTheLastAxisFastestAndFillTemplates() {
    Sweep s = Sweep.named("s").axis("model", "a", "b").axis("fa", "0", "1");

    assertThat(s.points().stream().map(SweepPoint::key))
        .containsExactly("model=a,fa=0", "model=a,fa=1", "model=b,fa=0", "model=b,fa=1");
    assertThat(s.points().get(1).fill("-m ${model}.gguf -fa ${fa}")).isEqualTo("-m a.gguf -fa 1");
    assertThatThrownBy(() -> s.points().get(0).fill("${quant}"))
        .hasMessageContaining("no axis 'quant'")
        .hasMessageContaining("[model, fa]");
  }

  @Test
  void aSweepFileWithoutAxesSaysWhatIsMissing() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.yaml"), "name: x\nstore: s.jsonl\n");
    assertThatThrownBy(() -> SweepFile.read(f))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("bad.yaml")
        .hasMessageContaining("needs 'axes'");
  }

  static Map<String, Long> rowsPerCell(SweepReport r) {
    return r.rows().stream()
        .collect(
            Collectors.groupingBy(x -> x.provenance().get("sweep_cell"), Collectors.counting()));
  }
}
