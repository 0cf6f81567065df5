package dev.tokbench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep file binds each framework's keys to its options record: a misspelt key is an error that
 * names the key, its line and the key it was meant to be, never silently ignored.
 */
class SweepFileKeysTest {
  @TempDir Path dir;

  private Path yaml(String... lines) throws IOException {
    return Files.writeString(dir.resolve("sweep.yaml"), String.join("\n", lines) + "\n");
  }

  @Test
  void aMisspeltRunKeyIsRejectedWithItsLineAndTheKeyItWasMeantToBe() throws IOException {
    Path file =
        yaml(
            "name: typo",
            "store: out.jsonl",
            "axes:",
            "  fa: [\"0\", \"1\"]",
            "run:",
            "  framework: llama-bench",
            "  args: [-fa, \"${fa}\"]",
            "  timout_s: 1800");
    assertThatThrownBy(() -> SweepFile.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(
            file + ":8: unknown key 'timout_s' in run; did you mean 'timeout_s'?")
        .hasMessageContaining(
            "args, binary, continue_after_failure, embedded, energy, energy_idle_s,"
                + " energy_period_ms, env, framework, timeout_s");
  }

  @Test
  void eachFrameworkKnowsItsOwnKeys() throws IOException {
    Path file =
        yaml(
            "name: vllm",
            "store: out.jsonl",
            "axes: {len: [\"32\"]}",
            "run:",
            "  framework: vllm",
            "  model: m",
            "  num_prompt: 10");
    assertThatThrownBy(() -> SweepFile.read(file))
        .hasMessageContaining(":7: unknown key 'num_prompt' in run; did you mean 'num_prompts'?");
  }

  @Test
  void aMisspeltTopLevelKeyIsRejectedToo() throws IOException {
    Path file =
        yaml("name: n", "stor: out.jsonl", "axes: {a: [\"1\"]}", "run: {framework: embedded}");
    assertThatThrownBy(() -> SweepFile.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(":2: unknown key 'stor'; did you mean 'store'?");
  }

  @Test
  void aKeyNothingResemblesGetsTheListOfKnownKeysOnly() throws IOException {
    Path file =
        yaml(
            "name: n",
            "store: out.jsonl",
            "axes: {a: [\"1\"]}",
            "run:",
            "  framework: tinygrad",
            "  flux_capacitor: 88");
    assertThatThrownBy(() -> SweepFile.read(file))
        .hasMessageContaining("unknown key 'flux_capacitor' in run; the keys of framework tinygrad")
        .hasMessageNotContaining("did you mean")
        .hasMessageContaining("warmup_tokens");
  }

  @Test
  void jsonSweepsAreCheckedAlike() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("sweep.json"),
            "{\n  \"name\": \"j\",\n  \"store\": \"o.jsonl\",\n  \"axes\": {\"a\": [\"1\"]},\n"
                + "  \"run\": {\n    \"framework\": \"mlc\",\n    \"num_request\": 4\n  }\n}\n");
    assertThatThrownBy(() -> SweepFile.read(file))
        .hasMessageContaining(":7: unknown key 'num_request' in run; did you mean 'num_requests'?");
  }

  @Test
  void knownKeysReadAsBefore() throws IOException {
    Path file =
        yaml(
            "name: ok",
            "store: out.jsonl",
            "axes: {size: [1B, 3B]}",
            "run:",
            "  framework: tinygrad",
            "  checkout: /opt/tinygrad",
            "  size: ${size}",
            "  warmup_tokens: 3",
            "  timeout_s: 60");
    assertThat(SweepFile.read(file).points()).hasSize(2);
  }
}
