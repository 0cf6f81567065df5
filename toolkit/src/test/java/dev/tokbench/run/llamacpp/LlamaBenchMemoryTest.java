package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.results.BenchResult;
import dev.tokbench.run.EnergySettings;
import dev.tokbench.run.RunResult;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * llama-bench prints, with the {@code -v} tokbench adds, the model's buffers and each test's
 * context buffers on stderr: each row carries those of its own test's context.
 */
class LlamaBenchMemoryTest {
  private static final Path TINY = RunFixtures.path("../gguf/tiny-llama-F16.gguf");

  @Test
  void realStderrGivesEachTestItsOwnContextsBuffers() throws Exception {
    // real: llama-bench -m tiny-llama-F16.gguf -p 64 -n 0 -d 0,1024 -r 1 -t 1 -v -o jsonl (CPU)
    List<String> lines =
        Files.readAllLines(Path.of("src/test/resources/memory/cpu-llama-bench-v.stderr"));
    ContextMemory memory = new ContextMemory();
    lines.forEach(memory::accept);

    // 256 cells for pp64, 1280 for pp64 @ d1024: 2 layers x 128 B per cell
    assertThat(memory.of(0))
        .containsEntry("buffer.model.CPU_Mapped_mib", "0.2")
        .containsEntry("buffer.context.CPU_mib", "0.06")
        .containsEntry("buffer.compute.CPU_mib", "0.2361")
        .containsEntry("memory_from", "llama-bench -v stderr");
    assertThat(memory.of(1))
        .containsEntry("buffer.model.CPU_Mapped_mib", "0.2")
        .containsEntry("buffer.context.CPU_mib", "0.31")
        .containsEntry("buffer.compute.CPU_mib", "2.2637");
    assertThat(memory.of(2)).isEmpty();
  }

  @Test
  void withoutVerboseLinesARowHasNoMemoryKeys() {
    ContextMemory memory = new ContextMemory();
    memory.accept("| model | size | params | backend | threads | test | t/s |");

    assertThat(memory.of(0)).isEmpty();
  }

  @Test
  void aRealLlamaBenchRunRecordsEachTestsBuffersOnItsRow() {
    Optional<Path> b = LlamaBench.find();
    String why = "skipped: no llama-bench on the PATH and LLAMA_BENCH is not set";
    if (b.isEmpty()) System.out.println(getClass().getSimpleName() + " " + why);
    assumeTrue(b.isPresent(), why);

    RunResult r =
        LlamaBench.at(b.get())
            .model(TINY)
            .prompt(64)
            .gen(0)
            .depth(0, 1024)
            .threads(1)
            .repetitions(1)
            .energy(EnergySettings.OFF)
            .timeout(Duration.ofMinutes(3))
            .machine(Map.of("host", "test"))
            .run();

    assertThat(r.rows()).hasSize(2).allMatch(BenchResult::ok);
    assertThat(r.rows().get(0).extra()).containsEntry("buffer.context.CPU_mib", "0.06");
    assertThat(r.rows().get(1).extra()).containsEntry("buffer.context.CPU_mib", "0.31");
    assertThat(r.rows()).allMatch(x -> x.extra().containsKey("buffer.model.CPU_Mapped_mib"));
  }
}
