package dev.tokbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.run.mlc.MlcLlm;
import dev.tokbench.run.mlc.MlcRun;
import dev.tokbench.run.vllm.Vllm;
import dev.tokbench.run.vllm.VllmRun;
import dev.tokbench.testing.RunFixtures;
import dev.tokbench.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vLLM and MLC LLM runs launched as real processes: fake {@code vllm} and {@code python3} scripts
 * on a temporary PATH write results in vLLM 0.10/0.11's {@code --output-json} format and mlc-llm
 * 2025's bench CSV (resources/run/vllm/README.md), crash, hang, or are missing.
 */
class VllmMlcRunTest {
  private static final Map<String, String> MACHINE = Map.of("host", "test-host");

  @TempDir Path dir;
  private Path bin;
  private String path;

  @BeforeEach
  void fakeTools() throws Exception {
    bin = Files.createDirectories(dir.resolve("bin"));
    Scripts.install(bin, "vllm");
    Scripts.install(bin, "python3-mlc", "python3");
    path = bin + ":" + System.getenv("PATH");
  }

  private VllmRun vllmLatency(String then) {
    return Vllm.latency("meta-llama/Llama-3.2-1B-Instruct")
        .env("PATH", path)
        .env("FAKE_RESULT", RunFixtures.path("vllm/latency.json").toString())
        .env("FAKE_THEN", then)
        .outputJson(dir.resolve("out/latency.json"))
        .machine(MACHINE);
  }

  @Test
  void vllmLatencyRunReadsItsOutputJsonIntoARowWithProvenance() {
    RunResult r = vllmLatency("ok").run();

    assertThat(r.allOk()).isTrue();
    BenchResult row = r.rows().get(0);
    assertThat(row.framework()).isEqualTo("vllm");
    assertThat(row.model()).isEqualTo("meta-llama/Llama-3.2-1B-Instruct");
    assertThat(row.test()).isEqualTo("pp32+tg128");
    assertThat(row.samples()).hasSize(5);
    assertThat(row.provenance())
        .containsEntry("host", "test-host")
        .containsEntry("vllm_version", "0.11.0")
        .containsEntry("output_file", dir.resolve("out/latency.json").toString());
    assertThat(row.provenance().get("command"))
        .contains(bin.resolve("vllm").toString())
        .contains("bench latency --model meta-llama/Llama-3.2-1B-Instruct");
  }

  @Test
  void vllmThroughputRunUsesItsOwnFlags() {
    RunResult r =
        Vllm.throughput("m")
            .inputLen(256)
            .outputLen(256)
            .prompts(50)
            .env("PATH", path)
            .env("FAKE_RESULT", RunFixtures.path("vllm/throughput.json").toString())
            .machine(MACHINE)
            .run();

    assertThat(r.allOk()).isTrue();
    assertThat(r.rows().get(0).tokensPerSMean()).isGreaterThan(49844.0);
    assertThat(r.outcome().commandLine()).contains("--num-prompts 50").contains("--input-len 256");
  }

  @Test
  void aCrashBecomesAFailedRowWithTheSignalAndStderrTail() {
    RunResult r = vllmLatency("crash").run();

    assertThat(r.rows()).hasSize(1);
    BenchResult row = r.rows().get(0);
    assertThat(row.status()).isEqualTo(Status.FAILED);
    assertThat(row.test()).isEqualTo("pp32+tg128");
    assertThat(row.reason()).contains("signal 11").contains("an illegal memory access");
  }

  @Test
  void aHangIsKilledAtTheTimeoutAndReported() {
    RunResult r = vllmLatency("hang").timeout(Duration.ofSeconds(1)).run();

    assertThat(r.outcome().timedOut()).isTrue();
    assertThat(r.rows().get(0).status()).isEqualTo(Status.FAILED);
    assertThat(r.rows().get(0).reason()).startsWith("timed out after");
  }

  @Test
  void exitingWithoutAResultOrWithAForeignFileIsAFailedRow() {
    RunResult none = vllmLatency("nofile").run();
    RunResult garbage = vllmLatency("garbage").run();

    assertThat(none.rows().get(0).reason()).startsWith("exited 0 but wrote no output file");
    assertThat(garbage.rows().get(0).reason())
        .contains("unreadable output")
        .contains("not a vLLM latency or throughput result");
  }

  @Test
  void aVllmCommandThatCannotImportVllmIsNotInstalled() {
    RunResult r = vllmLatency("broken").run();

    BenchResult row = r.rows().get(0);
    assertThat(row.status()).isEqualTo(Status.NOT_INSTALLED);
    assertThat(row.reason())
        .startsWith("vllm not installed: `")
        .contains("vllm --version` failed: ModuleNotFoundError: No module named 'vllm'");
    assertThat(r.outcome().exitCode()).isEqualTo(-1);
  }

  @Test
  void noVllmOnThePathIsNotInstalledAndNothingIsLaunched() {
    RunResult r =
        Vllm.latency("m").binary(dir.resolve("nowhere/vllm").toString()).machine(MACHINE).run();

    BenchResult row = r.rows().get(0);
    assertThat(row.status()).isEqualTo(Status.NOT_INSTALLED);
    assertThat(row.reason()).contains("nowhere/vllm");
    assertThat(r.outcome().startError()).isNotEmpty();
  }

  private MlcRun mlc(String then) {
    return MlcLlm.bench(dir.resolve("Llama-3.2-1B-Instruct-q4f16_1-MLC"), dir.resolve("lib.so"))
        .env("PATH", path)
        .env("FAKE_RESULT", RunFixtures.path("mlc/bench.csv").toString())
        .env("FAKE_THEN", then)
        .machine(MACHINE);
  }

  @Test
  void mlcBenchRunReadsItsCsvIntoRowsWithProvenance() {
    RunResult r = mlc("ok").requests(16).inputLen(128).outputLen(256).run();

    assertThat(r.allOk()).isTrue();
    BenchResult row = r.rows().get(0);
    assertThat(row.framework()).isEqualTo("mlc-llm");
    assertThat(row.model()).isEqualTo("Llama-3.2-1B-Instruct-q4f16_1-MLC");
    assertThat(row.tokensPerSMean()).isEqualTo(154.98);
    assertThat(row.provenance()).containsEntry("mlc-llm_version", "0.20.0");
    assertThat(r.outcome().commandLine())
        .contains(bin.resolve("python3") + " -m mlc_llm.bench")
        .contains("--num-requests 16");
  }

  @Test
  void mlcMissingModuleCrashAndHangEachBecomeOneRowThatSaysWhy() {
    BenchResult missing = mlc("missing").run().rows().get(0);
    BenchResult crash = mlc("crash").run().rows().get(0);
    BenchResult hang = mlc("hang").timeout(Duration.ofSeconds(1)).run().rows().get(0);

    assertThat(missing.status()).isEqualTo(Status.NOT_INSTALLED);
    assertThat(missing.reason())
        .contains("import mlc_llm'` failed: ModuleNotFoundError: No module named 'mlc_llm'");
    assertThat(crash.status()).isEqualTo(Status.FAILED);
    assertThat(crash.reason()).startsWith("exit 1").contains("cudaSuccess");
    assertThat(hang.reason()).startsWith("timed out after");
    assertThat(hang.model()).isEqualTo("Llama-3.2-1B-Instruct-q4f16_1-MLC");
  }
}
