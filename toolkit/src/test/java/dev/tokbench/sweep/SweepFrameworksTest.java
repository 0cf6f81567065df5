package dev.tokbench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.testing.Scripts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep files whose cells run vLLM or MLC LLM (fake tools on a temporary PATH, as elsewhere). */
class SweepFrameworksTest {
  @TempDir Path dir;

  private SweepReport run(String... runSection) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Scripts.install(bin, "vllm");
    Scripts.install(bin, "python3-mlc", "python3");
    String yaml =
        String.join(
            "\n",
            "name: frameworks",
            "store: out/store.jsonl",
            "axes:",
            "  input: [\"32\", \"512\"]",
            "run:",
            String.join("\n", runSection),
            "  env:",
            "    PATH: " + bin + ":" + System.getenv("PATH"),
            "  timeout_s: 60",
            "");
    Path file = Files.writeString(dir.resolve("sweep.yaml"), yaml);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return SweepFile.read(file).progress(quiet, false).run();
  }

  @Test
  void aVllmSweepFillsTheShapeFromTheAxes() throws Exception {
    SweepReport r =
        run(
            "  framework: vllm",
            "  model: meta-llama/Llama-3.2-1B-Instruct",
            "  input_len: \"${input}\"",
            "  output_len: 128",
            "  batch_size: 1",
            "  args: [--enforce-eager]");

    assertThat(r.rows()).hasSize(2);
    // the fake writes no result without FAKE_RESULT: each cell is a failed row that names its test
    assertThat(r.rows()).extracting(BenchResult::test).containsExactly("pp32+tg128", "pp512+tg128");
    assertThat(r.rows()).allMatch(row -> row.status() == Status.FAILED);
    assertThat(r.rows().get(1).provenance().get("command"))
        .contains("--input-len 512 --output-len 128 --batch-size 1")
        .contains("--enforce-eager");
  }

  @Test
  void anMlcSweepRunsTheBenchOncePerCell() throws Exception {
    SweepReport r =
        run(
            "  framework: mlc",
            "  model_dir: dist/Llama-3.2-1B-Instruct-q4f16_1-MLC",
            "  model_lib: dist/libs/llama-cuda.so",
            "  input_len: \"${input}\"",
            "  num_requests: 4");

    assertThat(r.ran()).isEqualTo(2);
    assertThat(r.rows())
        .extracting(BenchResult::model)
        .containsOnly("Llama-3.2-1B-Instruct-q4f16_1-MLC");
    assertThat(r.rows().get(0).provenance().get("command"))
        .contains("-m mlc_llm.bench")
        .contains("--num-requests 4 --num-concurrent-requests 1 --input-len 32");
  }

  @Test
  void aShapeThatIsNotANumberIsBadInputNamingTheField() {
    assertThatThrownBy(() -> run("  framework: vllm", "  model: m", "  input_len: lots"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("run.input_len must be a whole number, got 'lots'");
  }
}
