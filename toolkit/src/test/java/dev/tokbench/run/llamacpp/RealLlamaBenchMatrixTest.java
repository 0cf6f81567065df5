package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.Status;
import dev.tokbench.run.EnergySettings;
import dev.tokbench.run.RunResult;
import dev.tokbench.testing.RunFixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real llama-bench (LLAMA_BENCH or the PATH) on the fixture models: tokbench's expansion of a
 * matrix is the order llama-bench prints, and a model it cannot load costs that model's tests while
 * the model after it is still measured in a new launch.
 */
class RealLlamaBenchMatrixTest {
  private static final Path F16 = RunFixtures.path("../gguf/tiny-llama-F16.gguf");
  private static final Path Q8 = RunFixtures.path("../gguf/tiny-llama-Q8_0.gguf");

  private static Path binary() {
    Optional<Path> b = LlamaBench.find();
    String why = "skipped: no llama-bench on the PATH and LLAMA_BENCH is not set";
    if (b.isEmpty()) System.out.println(RealLlamaBenchMatrixTest.class.getSimpleName() + " " + why);
    assumeTrue(b.isPresent(), why);
    return b.get();
  }

  private static LlamaBench bench(Path binary) {
    return LlamaBench.at(binary)
        .repetitions(1)
        .energy(EnergySettings.OFF)
        .timeout(Duration.ofMinutes(3))
        .machine(Map.of("host", "test"));
  }

  @Test
  void theExpandedMatrixIsTheOrderLlamaBenchPrints() {
    LlamaBench b =
        bench(binary())
            .model(F16, Q8)
            .prompt(16, 8)
            .gen(4)
            .flashAttention(FlashAttention.OFF, FlashAttention.ON)
            .threads(1, 2);

    RunResult r = b.run();

    LlamaBenchMatrix m = LlamaBenchMatrix.of(b.args());
    assertThat(m.size()).isEqualTo(24);
    assertThat(r.rows()).as(r.toString()).hasSize(24).allMatch(BenchResult::ok);
    for (int i = 0; i < 24; i++) {
      assertThat(m.point(i).isRowOf(r.rows().get(i))).as("row %d: %s", i, m.point(i)).isTrue();
    }
  }

  @Test
  void aModelThatDoesNotLoadCostsItsOwnTestsOnly(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("tiny-llama-broken.gguf");
    try (InputStream in = Files.newInputStream(F16)) {
      Files.write(broken, in.readNBytes(4096)); // a header that promises more than there is
    }

    RunResult r =
        bench(binary()).model(F16, broken, Q8).prompt(16).gen(4).continueAfterFailure(true).run();

    assertThat(r.rows())
        .as(r.toString())
        .extracting(x -> Path.of(x.extra().get("model_filename")).getFileName() + " " + x.test())
        .containsExactly(
            "tiny-llama-F16.gguf pp16",
            "tiny-llama-F16.gguf tg4",
            "tiny-llama-broken.gguf pp16",
            "tiny-llama-broken.gguf tg4",
            "tiny-llama-Q8_0.gguf pp16",
            "tiny-llama-Q8_0.gguf tg4");
    assertThat(r.rows())
        .extracting(BenchResult::status)
        .containsExactly(Status.OK, Status.OK, Status.FAILED, Status.FAILED, Status.OK, Status.OK);
    assertThat(r.rows().get(2).reason())
        .startsWith("exit 1")
        .contains("failed to load model '" + broken + "'");
    assertThat(r.rows().get(2).model()).isEqualTo("tiny-llama-broken");
    assertThat(r.rows().get(4).provenance()).containsEntry("llama_bench_launch", "3");
  }
}
