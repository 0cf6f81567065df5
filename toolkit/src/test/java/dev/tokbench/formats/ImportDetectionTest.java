package dev.tokbench.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.formats.llamabench.LlamaBenchFormatException;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every saved output in the test resources is recognised from its content alone. */
class ImportDetectionTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "llama-bench/cpu-tiny.json, json",
    "llama-bench/cpu-tiny.jsonl, jsonl",
    "llama-bench/cpu-tiny.csv, csv",
    "llama-bench/cpu-tiny.md, md",
    "llama-bench/cpu-tiny.sql, sql",
    "llama-bench/h100-report-matrix.json, json",
    "llama-bench/h100-report-matrix.stderr.md, md",
    "llama-bench/cpu-tiny-pp-only.stderr.md, md",
    "llama-bench/missing-model.stdout, json",
    "llama-bench-old/build1275-readme.json, json",
    "llama-bench-old/build1275-readme.sql, sql",
    "tinygrad/cuda_q4km.log, tinygrad",
    "tinygrad/cuda_q4km.stdout, tinygrad",
    "tinygrad/nv_q6k.log, tinygrad",
    "tinygrad/cuda_q6k_envflag.log, tinygrad",
    "tinygrad/cpu_q6k.stdout, tinygrad",
    "tinygrad/harness/cpu_1b_q6k_pp64_tg16.stdout, tinygrad-bench",
    "tinygrad/harness/too_old.stdout, tinygrad-bench",
    "vllm/latency.json, vllm",
    "vllm/throughput.json, vllm",
    "mlc/bench.csv, mlc"
  })
  void recognisesEveryFixtureFromItsContent(String fixture, String format) {
    assertThat(Import.detect(RunFixtures.path(fixture))).isEqualTo(format);
  }

  @Test
  void autoImportReadsEachToolsRowsWithoutBeingTold() {
    BenchResult tinygrad = Import.read(RunFixtures.path("tinygrad/cuda_q4km.log")).get(0);
    BenchResult failedTinygrad = Import.read(RunFixtures.path("tinygrad/nv_q6k.log")).get(0);
    BenchResult vllm = Import.read(RunFixtures.path("vllm/latency.json")).get(0);
    List<BenchResult> mlc = Import.read(RunFixtures.path("mlc/bench.csv"));
    List<BenchResult> harness =
        Import.read(RunFixtures.path("tinygrad/harness/cpu_l2_q6k_d32_forward.stdout"));

    assertThat(tinygrad.framework()).isEqualTo("tinygrad");
    assertThat(tinygrad.ok()).isTrue();
    assertThat(failedTinygrad.status()).isEqualTo(Status.FAILED);
    assertThat(vllm.framework()).isEqualTo("vllm");
    assertThat(vllm.test()).isEqualTo("pp32+tg128");
    assertThat(mlc).singleElement().extracting(BenchResult::framework).isEqualTo("mlc-llm");
    assertThat(harness).extracting(BenchResult::test).containsExactly("pp32 @ d32", "tg8 @ d32");
  }

  @Test
  void anExplicitFormatOverridesWhatTheContentSuggests() {
    Path latency = RunFixtures.path("vllm/latency.json");

    assertThatThrownBy(() -> Import.read(latency, "json"))
        .isInstanceOf(LlamaBenchFormatException.class)
        .hasMessageContaining("expected a JSON array");
  }

  @Test
  void anUnrecognisableFileIsATypedErrorNamingItAndQuotingItsStart() throws Exception {
    Path junk = Files.writeString(dir.resolve("notes.txt"), "\n  my benchmark notes: fast\n");

    assertThatThrownBy(() -> Import.read(junk))
        .isInstanceOfSatisfying(
            UnrecognizedOutputException.class,
            e -> {
              assertThat(e.source()).isEqualTo(junk.toString());
              assertThat(e.seen()).isEqualTo("my benchmark notes: fast");
            })
        .hasMessageContaining("notes.txt:1: not a benchmark output tokbench recognises")
        .hasMessageContaining(
            "a tinygrad llama3.py log, tinygrad_bench.py JSON lines, a vLLM --output-json");
  }

  @Test
  void otherJsonIsNeitherVllmNorLlamaBench() throws Exception {
    Path other = Files.writeString(dir.resolve("other.json"), "{\n  \"hello\": 1\n}\n");

    assertThatThrownBy(() -> Import.read(other))
        .isInstanceOf(UnrecognizedOutputException.class)
        .hasMessageContaining("it starts with 'a JSON object with keys [hello]'");
  }
}
