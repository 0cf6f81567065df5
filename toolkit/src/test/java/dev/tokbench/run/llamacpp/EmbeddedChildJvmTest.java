package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.run.EnergySettings;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.llamacpp.embedded.EmbeddedBench;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code LlamaBench.embedded()} runs the embedded llama.cpp in a real child JVM, whose rows are
 * those the same engine gives in this JVM: the same tests in the same order, each with the same
 * model, settings and provenance; only the timings differ, as between any two runs.
 */
class EmbeddedChildJvmTest {
  private static final Path F16 = RunFixtures.path("../gguf/tiny-llama-F16.gguf");
  private static final Path Q8 = RunFixtures.path("../gguf/tiny-llama-Q8_0.gguf");

  @Test
  void aChildJvmGivesTheRowsTheEngineGivesInThisJvm() {
    LlamaBench bench =
        LlamaBench.embedded()
            .model(F16, Q8)
            .prompt(8, 16)
            .gen(4)
            .gpuLayers(99)
            .repetitions(2)
            .threads(1)
            .energy(EnergySettings.OFF);
    List<BenchResult> streamed = new ArrayList<>();
    RunResult child = bench.run(streamed::add);
    List<BenchResult> here = EmbeddedBench.of(bench.args()).run(bench.engine(), r -> {}).rows();

    assertThat(child.allOk()).as(child.toString()).isTrue();
    assertThat(streamed).isEqualTo(child.rows());
    assertThat(child.rows())
        .extracting(BenchResult::test)
        .containsExactly("pp8", "pp16", "tg4", "pp8", "pp16", "tg4");
    assertThat(child.rows())
        .map(EmbeddedChildJvmTest::untimed)
        .containsExactlyElementsOf(here.stream().map(EmbeddedChildJvmTest::untimed).toList());
    assertThat(child.rows())
        .allSatisfy(r -> assertThat(r.samples()).hasSize(2).allMatch(s -> s > 0));
    assertThat(child.rows().get(0).provenance())
        .containsEntry("ignored_flags", "{-ngl=99}")
        .containsEntry("energy_source", "off") // the run's, as for llama-bench
        .containsKey("engine");
    assertThat(child.outcome().commandLine())
        .contains(" dev.tokbench.run.llamacpp.embedded.EmbeddedChild ")
        .endsWith("-m " + F16 + " -m " + Q8 + " -p 8,16 -n 4 -r 2 -t 1 -ngl 99");
  }

  /** A row less what differs between two runs: its timings, and the run's energy provenance. */
  private static BenchResult untimed(BenchResult r) {
    Map<String, String> provenance = new TreeMap<>(r.provenance());
    provenance.remove("energy_source");
    return r.toBuilder().tokensPerS(1, 0, List.of(1.0)).provenance(provenance).build();
  }
}
