package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.results.BenchResult;
import dev.tokbench.run.RunResult;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs a real llama-bench, when one is on the PATH or named by LLAMA_BENCH, on the GGUF fixtures.
 */
class LlamaBenchIntegrationTest {
  @Test
  void aRealLlamaBenchMeasuresTheTinyFixtureModels() throws Exception {
    Optional<Path> binary = LlamaBench.find();
    String why = "skipped: no llama-bench on the PATH and LLAMA_BENCH is not set";
    if (binary.isEmpty()) System.out.println(getClass().getSimpleName() + " " + why);
    assumeTrue(binary.isPresent(), why);
    URL f16 = getClass().getResource("/gguf/tiny-llama-F16.gguf");
    URL q8 = getClass().getResource("/gguf/tiny-llama-Q8_0.gguf");
    assumeTrue(f16 != null && q8 != null, "skipped: the GGUF fixtures are not on the classpath");

    RunResult r =
        LlamaBench.at(binary.get())
            .model(Path.of(f16.toURI()), Path.of(q8.toURI()))
            .prompt(16)
            .gen(4)
            .repetitions(2)
            .threads(1)
            .timeout(Duration.ofMinutes(2))
            .run();

    assertThat(r.rows()).as(r.toString()).hasSize(4).allMatch(BenchResult::ok);
    // llama-bench-reference.jsonl: model_size 214272 (F16) and 114432 (Q8_0), 106816 params
    assertThat(r.rows().get(0).modelBytes()).isEqualTo(214272);
    assertThat(r.rows().get(2).modelBytes()).isEqualTo(114432);
    assertThat(r.rows().get(0).nParams()).isEqualTo(106816);
    assertThat(r.rows().get(0).samples()).hasSize(2);
  }
}
