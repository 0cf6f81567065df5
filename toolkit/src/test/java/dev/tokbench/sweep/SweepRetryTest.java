package dev.tokbench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.run.EnergySettings;
import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.testing.FakeLlamaBench;
import dev.tokbench.testing.RunFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Re-running a sweep retries what failed: a point whose (compiled stand-in) llama-bench crashed is
 * run again on the next run, its new rows replacing the old ones in both store formats; a point
 * that ran out of memory is not, unless asked; and no point is retried more than the stated times.
 */
class SweepRetryTest {
  @TempDir static Path dir;
  private static Path fake;
  private static final Path F16 = RunFixtures.path("../gguf/tiny-llama-F16.gguf");
  private static final Path Q8 = RunFixtures.path("../gguf/tiny-llama-Q8_0.gguf");

  @BeforeAll
  static void compile() throws Exception {
    fake = FakeLlamaBench.compile(dir);
  }

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  /** A sweep over the two models whose Q8_0 point dies at pp64 when {@code how} is not "none". */
  private SweepReport run(Path store, String how, Retries retries) {
    String crashAt = how.equals("none") ? "never" : "model=" + Q8 + " test=pp64";
    return Sweep.named("retry")
        .axis("model", F16.toString(), Q8.toString())
        .runner(
            (point, sink) ->
                LlamaBench.at(fake)
                    .model(Path.of(point.get("model")))
                    .prompt(64)
                    .gen(32)
                    .env("FAKE_ROW", FakeLlamaBench.row().toString())
                    .env("FAKE_CRASH_AT", crashAt)
                    .env("FAKE_CRASH_HOW", how)
                    .energy(EnergySettings.OFF)
                    .machine(Map.of("host", "fake"))
                    .run(sink))
        .store(store)
        .progress(new PrintStream(progress, true, StandardCharsets.UTF_8), false)
        .retries(retries)
        .run();
  }

  private String progress() {
    return progress.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jsonl", "csv"})
  void aCrashedPointRunsAgainAndItsNewRowsReplaceTheOld(String format) {
    Path store = dir.resolve("crash." + format);
    SweepReport first = run(store, "segv", Retries.DEFAULT);
    assertThat(first.failures()).hasSize(1);
    assertThat(first.failures().get(0).test()).isEqualTo("pp64");

    SweepReport second = run(store, "none", Retries.DEFAULT);

    assertThat(second.toString()).contains("2 points (1 already done, 1 run, 1 retried), 4 rows");
    assertThat(progress()).contains("retrying model=" + Q8 + " (attempt 2 of 3; last time failed");
    assertThat(second.failures()).isEmpty();
    assertThat(second.rows())
        // the stand-in prints the F16 row's model_type for both: its file name tells them apart
        .extracting(r -> Path.of(r.extra().get("model_filename")).getFileName() + " " + r.test())
        .containsExactly(
            "tiny-llama-F16.gguf pp64",
            "tiny-llama-F16.gguf tg32",
            "tiny-llama-Q8_0.gguf pp64",
            "tiny-llama-Q8_0.gguf tg32");
    assertThat(second.rows().get(2).provenance()).containsEntry(Retries.ATTEMPT_KEY, "2");

    assertThat(run(store, "none", Retries.DEFAULT).toString())
        .contains("(2 already done, 0 run), 4 rows, 0 failed");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anOutOfMemoryPointIsRetriedOnlyWhenAsked(boolean retryOom) {
    Path store = dir.resolve("oom-" + retryOom + ".jsonl");
    assertThat(run(store, "cuda-oom", Retries.DEFAULT).failures())
        .extracting(BenchResult::status)
        .containsExactly(Status.OOM);

    SweepReport again = run(store, "none", new Retries(2, retryOom));

    assertThat(again.ran()).isEqualTo(retryOom ? 1 : 0);
    assertThat(again.failures()).hasSize(retryOom ? 0 : 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jsonl", "csv"})
  void aPointThatKeepsFailingIsRetriedTheStatedTimesThenReported(String format) {
    Path store = dir.resolve("always." + format);
    Retries once = new Retries(1, false);
    run(store, "sigill", once);

    SweepReport retried = run(store, "sigill", once);
    SweepReport left = run(store, "sigill", once);

    assertThat(retried.retried()).isEqualTo(1);
    assertThat(left.ran()).isZero();
    assertThat(left.failures()).hasSize(1);
    assertThat(left.failures().get(0).provenance()).containsEntry(Retries.ATTEMPT_KEY, "2");
    assertThat(left.rows()).hasSize(3); // F16's two rows and Q8_0's one crash, once each
  }
}
