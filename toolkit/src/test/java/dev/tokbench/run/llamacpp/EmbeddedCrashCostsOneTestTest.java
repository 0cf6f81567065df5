package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.run.EnergySettings;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.llamacpp.embedded.EmbeddedChild;
import dev.tokbench.run.llamacpp.embedded.EmbeddedLlama;
import dev.tokbench.testing.RunFixtures;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The embedded llama.cpp runs in a child JVM, so a native crash there costs one test: a child that
 * runs the real engine on the fixture models of a 2 x 2 x 2 matrix (model, threads, pp/tg) dies for
 * real in one test ({@link CrashingEmbeddedChild}: a SIGSEGV the JVM reports in an hs_err file, an
 * abort after ggml's assertion text, an abort after ggml's allocation failure, a hang), and every
 * other test is measured in new children, no row twice, the failed one naming model, test and why.
 */
class EmbeddedCrashCostsOneTestTest {
  private static final Path F16 = RunFixtures.path("../gguf/tiny-llama-F16.gguf");
  private static final Path Q8 = RunFixtures.path("../gguf/tiny-llama-Q8_0.gguf");
  private static final List<String> ALL =
      List.of(
          "tiny-llama-F16.gguf pp16 threads=1", "tiny-llama-F16.gguf tg4 threads=1",
          "tiny-llama-F16.gguf pp16 threads=2", "tiny-llama-F16.gguf tg4 threads=2",
          "tiny-llama-Q8_0.gguf pp16 threads=1", "tiny-llama-Q8_0.gguf tg4 threads=1",
          "tiny-llama-Q8_0.gguf pp16 threads=2", "tiny-llama-Q8_0.gguf tg4 threads=2");

  @TempDir Path dir;

  /** The matrix run in children of {@link CrashingEmbeddedChild}, dying at {@code at}. */
  private RunResult run(String at, String how, Duration stall) {
    LlamaBench bench =
        LlamaBench.embedded()
            .model(F16, Q8)
            .prompt(16)
            .gen(4)
            .threads(1, 2)
            .repetitions(1)
            .env("CRASH_AT", at)
            .env("CRASH_HOW", how)
            .energy(EnergySettings.OFF)
            .timeout(Duration.ofMinutes(3)) // a child that outlives a failed test is killed
            .stall(stall);
    EmbeddedProgram program =
        EmbeddedProgram.of(bench.args(), "a test")
            .main(CrashingEmbeddedChild.class.getName())
            // the report into this test's folder; no core file of a JVM in the working directory
            .jvmOptions(
                "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"), "-XX:-CreateCoredumpOnCrash");
    return new LlamaBenchRun(program, bench.args(), bench.settings(), true, List.of(F16, Q8))
        .run(row -> {});
  }

  private static List<String> tests(List<BenchResult> rows) {
    return rows.stream().map(CrashingEmbeddedChild::name).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "abort, failed, 'killed by SIGABRT: abort (signal 6, exit 134): /src/llama.cpp/ggml/src/ggml.c:1766: GGML_ASSERT(ggml_can_repeat(b, a)) failed'",
    "oom, oom, 'killed by SIGABRT: abort (signal 6, exit 134): ggml_aligned_malloc: insufficient memory'",
  })
  void anAbortInTheChildCostsExactlyTheTestThatWasRunning(String how, String status, String why) {
    RunResult r = run("tiny-llama-Q8_0.gguf pp16 threads=1", how, null);

    assertThat(tests(r.rows())).containsExactlyElementsOf(ALL);
    BenchResult failed = r.rows().get(4);
    assertThat(r.rows()).filteredOn(b -> !b.ok()).containsExactly(failed);
    assertThat(failed.status().label()).isEqualTo(status);
    assertThat(failed.reason()).startsWith(why);
    assertNamedLikeItsSiblings(failed, r.rows().get(5));
    assertRelaunchedForTheRest(r);
  }

  @Test
  void aSegfaultInTheChildIsItsJvmsCrashReportInTheFailedRow() throws Exception {
    RunResult r = run("tiny-llama-F16.gguf tg4 threads=2", "segv", null);

    assertThat(tests(r.rows())).containsExactlyElementsOf(ALL);
    BenchResult failed = r.rows().get(3);
    assertThat(r.rows()).filteredOn(b -> !b.ok()).containsExactly(failed);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    // -XX:-CreateCoredumpOnCrash: the JVM exits 1 after its report (with a core, SIGABRT)
    assertThat(failed.reason())
        .startsWith("exit 1: hs_err: SIGSEGV (0xb) at pc=")
        .contains("hs_err: problematic frame: ")
        .contains("Unsafe_PutLong");
    Matcher report =
        Pattern.compile("hs_err: report (\\S+hs_err_pid\\d+\\.log)").matcher(failed.reason());
    assertThat(report.find()).as(failed.reason()).isTrue();
    assertThat(Files.readString(Path.of(report.group(1)))).contains("SIGSEGV");
    assertThat(failed.test()).isEqualTo("tg4");
    assertThat(failed.provenance()).containsEntry("failed_test", "4/8");
    // the F16 model's pp16 at 2 threads had printed its row before the crash: kept, not re-run
    assertThat(r.rows().get(2).provenance()).doesNotContainKey("llama_bench_launch");
    assertThat(r.rows().get(4).provenance())
        .containsEntry("llama_bench_launch", "2")
        .containsEntry("continued_after_failure", "tests 5..8");
  }

  @Test
  void aHungChildIsKilledAsHungAndTheRestStillRuns() {
    RunResult r = run("tiny-llama-Q8_0.gguf pp16 threads=1", "hang", Duration.ofSeconds(2));

    assertThat(tests(r.rows())).containsExactlyElementsOf(ALL);
    BenchResult hung = r.rows().get(4);
    assertThat(r.rows()).filteredOn(b -> !b.ok()).containsExactly(hung);
    assertThat(hung.status()).isEqualTo(Status.HUNG);
    assertThat(hung.reason()).startsWith("hung: no output and no CPU or GPU progress for 2 s");
    assertRelaunchedForTheRest(r);
  }

  @Test
  void aChildWhoseParentIsGoneEndsRatherThanRunningOn() throws Exception {
    List<String> args = List.of("-m", F16.toString(), "-p", "16", "-n", "4", "-r", "1", "-t", "1");
    EmbeddedProgram program =
        EmbeddedProgram.of(args, "a test").main(CrashingEmbeddedChild.class.getName());
    ProcessBuilder pb =
        new ProcessBuilder(program.command(args, false))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("CRASH_AT", "tiny-llama-F16.gguf pp16 threads=1");
    pb.environment().put("CRASH_HOW", "hang");
    Process child = pb.start();
    try (BufferedReader err = child.errorReader()) {
      String line;
      do line = err.readLine();
      while (line != null && !line.equals(CrashingEmbeddedChild.HANGING));
      assertThat(line).as("the child hangs in its first test").isNotNull();
      child.getOutputStream().close(); // the parent's end of the pipe on its stdin, as at its death
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the orphan ended").isTrue();
      assertThat(child.exitValue()).isEqualTo(EmbeddedChild.ORPHANED);
    } finally {
      child.destroyForcibly();
    }
  }

  /** The failed row is the one the child would have printed, but for its numbers and status. */
  private static void assertNamedLikeItsSiblings(BenchResult failed, BenchResult sibling) {
    assertThat(failed.framework()).isEqualTo(EmbeddedLlama.FRAMEWORK);
    assertThat(failed.model()).isEqualTo(sibling.model()).isEqualTo("tiny-llama");
    assertThat(failed.quant()).isEqualTo(sibling.quant()).isEqualTo("Q8_0");
    assertThat(failed.modelBytes()).isEqualTo(sibling.modelBytes());
    assertThat(failed.backend()).isEqualTo(sibling.backend());
    assertThat(failed.device()).isEqualTo(sibling.device());
    assertThat(failed.test()).isEqualTo("pp16");
    assertThat(failed.nPrompt()).isEqualTo(16);
    assertThat(failed.flags()).containsEntry("threads", "1");
    assertThat(failed.provenance())
        .containsEntry("model_path", Q8.toAbsolutePath().toString())
        .containsEntry("failed_test", "5/8")
        .containsEntry("engine", EmbeddedLlama.ENGINE)
        .containsEntry("engine_choice", "a test");
  }

  /** The rest of the crashed combination in one child, the other thread count in another. */
  private static void assertRelaunchedForTheRest(RunResult r) {
    assertThat(r.rows().subList(5, 8)).allMatch(BenchResult::ok);
    assertThat(r.rows().get(5).provenance())
        .containsEntry("llama_bench_launch", "2")
        .containsEntry("continued_after_failure", "tests 6..6");
    assertThat(r.rows().get(6).provenance())
        .containsEntry("llama_bench_launch", "3")
        .containsEntry("continued_after_failure", "tests 7..8");
  }
}
