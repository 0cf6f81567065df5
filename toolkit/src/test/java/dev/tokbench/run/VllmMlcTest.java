package dev.tokbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tokbench.BadInputException;
import dev.tokbench.formats.mlc.MlcOutput;
import dev.tokbench.formats.vllm.LatencyShape;
import dev.tokbench.formats.vllm.VllmOutput;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.run.mlc.MlcLlm;
import dev.tokbench.run.vllm.Vllm;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Samples follow vLLM 0.10/0.11 and mlc-llm 2025 source formats (see resources/run/vllm/README.md).
 */
class VllmMlcTest {
  @Test
  void vllmLatencyBecomesOutputTokensPerSecondPerIteration() {
    BenchResult r =
        VllmOutput.read(
            RunFixtures.path("vllm/latency.json"), "llama-3.2-1b", LatencyShape.DEFAULT);

    assertThat(r.framework()).isEqualTo("vllm");
    assertThat(r.test()).isEqualTo("pp32+tg128");
    assertThat(r.samples()).hasSize(5);
    assertThat(r.samples().get(0)).isCloseTo(8 * 128 / 0.3301, within(1e-9));
    assertThat(r.tokensPerSMean()).isBetween(3050.0, 3110.0);
    assertThat(r.flags()).containsEntry("batch_size", "8").containsEntry("output_len", "128");
    assertThat(r.extra())
        .containsEntry("avg_latency_s", "0.3312")
        .containsEntry("p50_latency_s", "0.3305");
  }

  @Test
  void vllmThroughputKeepsItsTotalTokenBasis() {
    BenchResult r =
        VllmOutput.read(RunFixtures.path("vllm/throughput.json"), "m", LatencyShape.DEFAULT);

    assertThat(r.test()).isEqualTo("throughput");
    assertThat(r.tokensPerSMean()).isCloseTo(49844.24, within(0.01));
    assertThat(r.extra()).containsEntry("num_requests", "1000").containsKey("tokens_per_s_basis");
  }

  @Test
  void mlcBenchCsvGivesOutputThroughputAndKeepsEveryColumn() {
    List<BenchResult> rows = MlcOutput.read(RunFixtures.path("mlc/bench.csv"), "llama-3.2-1b");

    assertThat(rows).hasSize(1);
    BenchResult r = rows.get(0);
    assertThat(r.framework()).isEqualTo("mlc-llm");
    assertThat(r.tokensPerSMean()).isEqualTo(154.98);
    assertThat(r.extra())
        .containsEntry("time_per_output_token_s.mean", "0.00641")
        .containsEntry("num_completed_requests", "16");
  }

  @Test
  void otherJsonIsNotMistakenForAVllmResult() throws Exception {
    Path f = Files.writeString(Files.createTempFile("x", ".json"), "{\"hello\": 1}");
    assertThatThrownBy(() -> VllmOutput.read(f, "m", LatencyShape.DEFAULT))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a vLLM latency or throughput result");
  }

  @Test
  void commandsAreBuiltWithTheDocumentedFlags() {
    assertThat(
            Vllm.latencyCommand(
                "meta-llama/Llama-3.2-1B", LatencyShape.DEFAULT, 30, Path.of("l.json")))
        .containsSequence("vllm", "bench", "latency")
        .containsSequence("--batch-size", "8")
        .containsSequence("--output-json", "l.json");
    assertThat(
            MlcLlm.benchCommand(
                "python3", Path.of("tok"), Path.of("lib.so"), 16, 128, 256, Path.of("o.csv")))
        .containsSequence("-m", "mlc_llm.bench")
        .containsSequence("--num-gpus", "1")
        .containsSequence("--output", "o.csv");
  }

  @Test
  void aMissingModuleBecomesANotInstalledRowThatSaysWhy() {
    Availability a = Availability.ofPythonModule("vllm", "python3", "tokbench_no_such_module_vllm");
    if (!a.failure().isEmpty() && a.failure().contains("Cannot run program")) {
      System.out.println("python3 is absent here; the check still answered: " + a.failure());
    }

    assertThat(a.available()).isFalse();
    BenchResult row = a.notInstalledRow(Map.of("host", "h")).orElseThrow();
    assertThat(row.status()).isEqualTo(Status.NOT_INSTALLED);
    assertThat(row.reason())
        .startsWith(
            "vllm not installed: `python3 -c 'import tokbench_no_such_module_vllm'` failed: ");
    assertThat(row.provenance()).containsEntry("host", "h");
  }

  @Test
  void anInterpreterThatDoesNotExistIsAlsoNotInstalled() {
    Availability a = MlcLlm.check("/nonexistent/python3");

    assertThat(a.available()).isFalse();
    assertThat(a.failure()).contains("/nonexistent/python3");
  }
}
