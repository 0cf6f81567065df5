package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.Status;
import dev.tokbench.run.EnergySettings;
import dev.tokbench.run.RunResult;
import dev.tokbench.testing.FakeLlamaBench;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A compiled stand-in for llama-bench dies in one test of a 2 x 2 x 2 matrix, in each of the ways
 * real ones die: with {@code continueAfterFailure}, every other test is measured in a new launch,
 * no row twice, and the failed one names its model, test and settings, its status and why.
 */
class CrashCostsOneTestTest {
  @TempDir static Path dir;
  private static Path fake;
  private static final Path F16 = RunFixtures.path("../gguf/tiny-llama-F16.gguf");
  private static final Path Q8 = RunFixtures.path("../gguf/tiny-llama-Q8_0.gguf");

  @BeforeAll
  static void compile() throws Exception {
    fake = FakeLlamaBench.compile(dir);
  }

  private static LlamaBench matrix(String crashAt, String how) {
    return LlamaBench.at(fake)
        .model(F16, Q8)
        .prompt(64)
        .gen(32)
        .flashAttention(FlashAttention.OFF, FlashAttention.ON)
        .repetitions(2)
        .env("FAKE_ROW", FakeLlamaBench.row().toString())
        .env("FAKE_CRASH_AT", crashAt)
        .env("FAKE_CRASH_HOW", how)
        .energy(EnergySettings.OFF)
        .machine(Map.of("host", "fake"));
  }

  /** model file, test and flash attention: what tells the rows of this matrix apart. */
  private static List<String> tests(List<BenchResult> rows) {
    return rows.stream()
        .map(
            r ->
                Path.of(r.extra().get("model_filename")).getFileName()
                    + " "
                    + r.test()
                    + " fa="
                    + r.flags().get("flash_attn"))
        .toList();
  }

  private static final List<String> ALL =
      List.of(
          "tiny-llama-F16.gguf pp64 fa=0", "tiny-llama-F16.gguf tg32 fa=0",
          "tiny-llama-F16.gguf pp64 fa=1", "tiny-llama-F16.gguf tg32 fa=1",
          "tiny-llama-Q8_0.gguf pp64 fa=0", "tiny-llama-Q8_0.gguf tg32 fa=0",
          "tiny-llama-Q8_0.gguf pp64 fa=1", "tiny-llama-Q8_0.gguf tg32 fa=1");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sigill, failed, killed by SIGILL: illegal instruction (signal 4, exit 132)",
    "segv, failed, killed by SIGSEGV: segmentation fault (signal 11, exit 139)",
    "assert, failed, killed by SIGABRT: abort (signal 6, exit 134): /src/llama.cpp/ggml/src/ggml.c:1766: GGML_ASSERT(ggml_can_repeat(b, a)) failed",
    "cuda-oom, oom, killed by SIGABRT: abort (signal 6, exit 134): CUDA error: out of memory",
    "load-oom, oom, exit 1: ggml_backend_cuda_buffer_type_alloc_buffer: allocating 40960.00 MiB on device 0: cudaMalloc failed: out of memory",
    "vulkan-oom, oom, killed by SIGABRT: abort (signal 6, exit 134): terminate called after throwing an instance of 'vk::OutOfDeviceMemoryError'",
    "exit, failed, exit 1: main: error: failed to create context with model"
  })
  void aCrashCostsExactlyTheTestThatCrashed(String how, String status, String reason) {
    RunResult r = matrix("model=" + Q8 + " fa=0 test=pp64", how).continueAfterFailure(true).run();

    assertThat(tests(r.rows())).containsExactlyElementsOf(ALL);
    BenchResult failed = r.rows().get(4);
    assertThat(r.rows()).filteredOn(b -> !b.ok()).containsExactly(failed);
    assertThat(failed.status().label()).isEqualTo(status);
    assertThat(failed.model()).isEqualTo("tiny-llama");
    assertThat(failed.quant()).isEqualTo("Q8_0");
    assertThat(failed.test()).isEqualTo("pp64");
    assertThat(failed.nPrompt()).isEqualTo(64);
    assertThat(failed.flashAttn()).isEqualTo(FlashAttention.OFF);
    assertThat(failed.backend()).isEqualTo("CPU");
    assertThat(failed.provenance())
        .containsEntry("model_path", Q8.toString())
        .containsEntry("failed_test", "5/8");
    assertThat(failed.reason()).startsWith(reason);
    // the rest of its combination (tg32 at fa=0) in one new llama-bench, then fa=1 in another:
    // the tests after a crash are not one product of value lists
    assertThat(r.rows().subList(5, 8)).allMatch(BenchResult::ok);
    assertThat(r.rows().get(5).provenance())
        .containsEntry("llama_bench_launch", "2")
        .containsEntry("continued_after_failure", "tests 6..6");
    assertThat(r.rows().get(5).provenance().get("command"))
        .contains("-m " + Q8 + " -fa 0 -p 0 -n 32 -r 2 -v -o jsonl");
    assertThat(r.rows().get(7).provenance())
        .containsEntry("llama_bench_launch", "3")
        .containsEntry("continued_after_failure", "tests 7..8");
  }

  @Test
  void withoutTheFlagTheRunEndsAtTheCrashAsLlamaBenchDoes() {
    RunResult r = matrix("model=" + Q8 + " fa=0 test=pp64", "sigill").run();

    assertThat(tests(r.rows())).containsExactlyElementsOf(ALL.subList(0, 5));
    assertThat(r.rows().get(4).status()).isEqualTo(Status.FAILED);
    assertThat(r.rows().get(4).test()).isEqualTo("pp64");
    assertThat(r.outcome().signal()).hasValue(4);
  }

  @Test
  void twoCrashesCostTwoRowsEvenWhenTheSecondIsInARelaunch() {
    RunResult r =
        matrix("model=" + F16 + " fa=0 test=tg32|model=" + Q8 + " fa=1 test=pp64", "segv")
            .continueAfterFailure(true)
            .run();

    assertThat(tests(r.rows())).containsExactlyElementsOf(ALL);
    assertThat(r.rows())
        .extracting(b -> b.ok() ? "ok" : b.test() + " " + b.flags().get("flash_attn"))
        .containsExactly("ok", "tg32 0", "ok", "ok", "ok", "ok", "pp64 1", "ok");
    // 2: F16 at fa=1; 3: all of Q8_0, which crashes at fa=1 pp64; 4: its tg32
    assertThat(r.rows().get(7).provenance()).containsEntry("llama_bench_launch", "4");
  }

  @Test
  void aHangIsKilledAsHungAndTheRestStillRuns() {
    RunResult r =
        matrix("model=" + F16 + " fa=1 test=pp64", "hang")
            .stall(Duration.ofSeconds(1))
            .continueAfterFailure(true)
            .run();

    assertThat(tests(r.rows())).containsExactlyElementsOf(ALL);
    BenchResult hung = r.rows().get(2);
    assertThat(hung.status()).isEqualTo(Status.HUNG);
    assertThat(hung.reason()).startsWith("hung: no output and no CPU or GPU progress for 1 s");
    assertThat(r.rows()).filteredOn(b -> !b.ok()).containsExactly(hung);
  }

  @Test
  void aTimeoutSpendsTheRunAndTheTestsLeftAreNamedNotDropped() {
    RunResult r =
        matrix("model=" + Q8 + " fa=0 test=tg32", "hang")
            .stall(Duration.ZERO)
            .timeout(Duration.ofSeconds(2))
            .continueAfterFailure(true)
            .run();

    assertThat(tests(r.rows())).containsExactlyElementsOf(ALL);
    assertThat(r.rows().get(5).reason()).startsWith("timed out after");
    assertThat(r.rows().subList(6, 8))
        .allSatisfy(b -> assertThat(b.reason()).startsWith("not run: the run's timeout of 2 s"));
  }
}
