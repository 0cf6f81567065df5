package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.BadInputException;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.Status;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.llamacpp.embedded.EmbeddedLlama;
import dev.tokbench.sweep.SweepFile;
import dev.tokbench.sweep.SweepReport;
import dev.tokbench.synth.Synth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no llama-bench configured, {@link LlamaBench#auto()} runs the same tests on the embedded
 * llama.cpp, so a run works on a machine with nothing installed.
 */
class EmbeddedDefaultTest {
  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void writeASmallSyntheticModel() {
    model = Synth.shape("small-llama").type("Q8_0").write(dir.resolve("small-Q8_0.gguf")).path();
  }

  @Test
  void autoFallsBackToTheEmbeddedEngineAndSaysWhy() {
    assumeTrue(
        LlamaBench.find().isEmpty(),
        "skipped: a llama-bench is configured here (LLAMA_BENCH or PATH), so auto() picks it");
    LlamaBench auto = LlamaBench.auto();
    assertThat(auto.isEmbedded()).isTrue();
    assertThat(auto.engine())
        .startsWith("llama.cpp (embedded)")
        .contains("LLAMA_BENCH is unset and no llama-bench is on the PATH");
    List<BenchResult> streamed = new ArrayList<>();
    RunResult r = auto.model(model).prompt(16).gen(4).repetitions(1).threads(2).run(streamed::add);
    assertThat(r.rows()).extracting(BenchResult::test).containsExactly("pp16", "tg4");
    assertThat(streamed).isEqualTo(r.rows());
    assertThat(r.allOk()).as(r.toString()).isTrue();
    assertThat(r.rows())
        .allSatisfy(
            row -> {
              assertThat(row.framework()).isEqualTo(EmbeddedLlama.FRAMEWORK);
              assertThat(row.quant()).isEqualTo("Q8_0");
              assertThat(row.provenance().get("engine_choice")).contains("LLAMA_BENCH is unset");
              assertThat(row.flags()).containsEntry("threads", "2");
            });
    assertThat(r.outcome().commandLine())
        .contains("-p 16")
        .contains("-n 4")
        .doesNotContain("-o jsonl");
  }

  @Test
  void listsOfPromptAndGenLengthsGiveOneTestEachInLlamaBenchOrder() {
    RunResult r =
        LlamaBench.embedded().model(model).prompt(8, 16).gen(4).repetitions(1).threads(1).run();
    assertThat(r.rows()).extracting(BenchResult::test).containsExactly("pp8", "pp16", "tg4");
    assertThat(r.rows()).allMatch(BenchResult::ok);
    assertThat(r.rows()).allMatch(row -> row.samples().size() == 1);
  }

  @Test
  void gpuOnlyFlagsAreIgnoredAndRecordedOnTheRows() {
    RunResult r =
        LlamaBench.embedded()
            .model(model)
            .prompt(0)
            .gen(4)
            .gpuLayers(99)
            .repetitions(1)
            .threads(1)
            .run();
    assertThat(r.rows()).singleElement().satisfies(row -> assertThat(row.test()).isEqualTo("tg4"));
    assertThat(r.rows().get(0).provenance()).containsEntry("ignored_flags", "{-ngl=99}");
  }

  @Test
  void aFlagTheEmbeddedEngineCannotHonourIsATypedErrorNamingIt() {
    LlamaBench fa = LlamaBench.embedded().model(model).flashAttention(FlashAttention.ON);
    assertThatThrownBy(fa::run)
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("-fa 1")
        .hasMessageContaining("needs an external llama-bench");
    assertThatThrownBy(() -> LlamaBench.embedded().prompt(8).run())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no model");
    assertThatThrownBy(() -> LlamaBench.embedded().model(model).arg("-p", "x").run())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("-p takes integers, got 'x'");
  }

  @Test
  void aMissingModelIsAFailedRowAndTheNextModelStillRuns() {
    Path missing = dir.resolve("no-such.gguf");
    List<BenchResult> streamed = new ArrayList<>();
    RunResult r =
        LlamaBench.embedded()
            .model(missing, model)
            .prompt(8)
            .gen(2)
            .repetitions(1)
            .threads(1)
            .run(streamed::add);
    // one failed row per test of the missing model, each naming it, as llama-bench's runs do
    assertThat(r.rows()).hasSize(4).isEqualTo(streamed);
    assertThat(r.rows()).extracting(BenchResult::test).containsExactly("pp8", "tg2", "pp8", "tg2");
    for (BenchResult failed : r.rows().subList(0, 2)) {
      assertThat(failed.status()).isEqualTo(Status.FAILED);
      assertThat(failed.reason()).contains("no-such.gguf");
      assertThat(failed.model()).isEqualTo("no-such.gguf");
    }
    assertThat(r.rows().subList(2, 4)).allMatch(BenchResult::ok);
    assertThat(r.allOk()).isFalse();
  }

  private static java.io.PrintStream quiet() {
    return new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
  }

  @Test
  void aSweepDeclaringTheEmbeddedFrameworkRunsEveryCell() throws Exception {
    Path yaml = dir.resolve("sweep.yaml");
    Files.writeString(
        yaml,
        """
        name: embedded-threads
        store: out/embedded.jsonl
        axes:
          t: ["1", "2"]
        run:
          framework: embedded
          args: [-m, "%s", -p, "8", -n, "2", -r, "1", -t, "${t}"]
        """
            .formatted(model));
    SweepReport report = SweepFile.read(yaml).progress(quiet(), false).run();
    assertThat(report.rows()).hasSize(4).allMatch(BenchResult::ok);
    assertThat(report.rows()).extracting(row -> row.flags().get("threads")).contains("1", "2");
    SweepReport again = SweepFile.read(yaml).progress(quiet(), false).run();
    assertThat(again.ran()).isZero();
    assertThat(again.rows()).hasSize(4);
  }
}
