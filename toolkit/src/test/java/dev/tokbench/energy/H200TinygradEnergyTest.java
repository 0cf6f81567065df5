package dev.tokbench.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import dev.tokbench.results.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tinygrad on the H200 with {@code --energy nvml} (2026-12-01 17:01-17:10 UTC, {@code
 * scripts/gpu/tinygrad-h200.sh} with ENERGY=nvml, llama.cpp's CUDA build running beside it at nice
 * 19): the rows tokbench wrote, each step's NVML trace, and nvidia-smi sampled alongside at 100 ms.
 */
class H200TinygradEnergyTest {
  private static final String DIR = "h200-2026-12-01/tinygrad/";

  @ParameterizedTest
  @ValueSource(strings = {"harness-cold", "llama3-cold", "llama3-beam"})
  void everyOkRowCarriesEnergyConsistentWithItself(String step) {
    List<BenchResult> rows = ResultsFile.read(Fixtures.resource(DIR + step + ".jsonl"));
    assertThat(rows).isNotEmpty().allMatch(BenchResult::ok);
    for (BenchResult r : rows) {
      Map<String, String> x = r.extra();
      double joules = num(x, "energy_j");
      double seconds = num(x, "energy_s");
      double idle = Double.parseDouble(r.provenance().get("energy_idle_w"));
      assertThat(r.provenance()).containsEntry("energy_source", "nvml");
      assertThat(joules).as(step + " " + r.test()).isPositive();
      // printed to 2 and 3 decimals: equal to 1 part in 10,000
      assertThat(num(x, "mean_w") * seconds / joules).as(r.test()).isCloseTo(1.0, within(1e-4));
      assertThat(num(x, "tok_per_j") * num(x, "j_per_tok")).isCloseTo(1.0, within(1e-3));
      assertThat(num(x, "energy_net_j")).isCloseTo(joules - idle * seconds, within(0.02));
      // more than idle and less than the H200's 700 W limit: a GPU that was working
      assertThat(num(x, "mean_w")).isBetween(idle, 700.0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"harness-cold", "llama3-cold", "llama3-beam"})
  void nvmlAndNvidiaSmiAgreeOverEachStepWithin5Percent(String step) {
    Trace nvml = Traces.read(Fixtures.resource(DIR + step + ".power.csv"));
    Trace smi = Traces.read(Fixtures.resource(DIR + "smi.csv"));
    Window span = nvml.span();
    WindowEnergy fromNvml = nvml.energy();
    WindowEnergy fromSmi =
        smi.energy(smi.window(nvml.instantAt(span.startNs()), nvml.instantAt(span.endNs())));
    assertThat(fromNvml.seconds()).as(step).isGreaterThan(10);
    assertThat(fromSmi.joules() / fromNvml.joules()).as(step).isCloseTo(1.0, within(0.05));
  }

  @Test
  void aSearchCutAtItsCapIsAFailedRowWithTheSignalNotALostOne() {
    List<BenchResult> rows = ResultsFile.read(Fixtures.resource(DIR + "harness-beam.jsonl"));
    assertThat(rows).hasSize(4).noneMatch(BenchResult::ok);
    assertThat(rows)
        .extracting(BenchResult::test)
        .containsExactly("search pp512", "search tg128", "pp512", "tg128");
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.status()).isIn(Status.FAILED, Status.HUNG))
        .allSatisfy(r -> assertThat(r.reason()).contains("SIGTERM"));
  }

  private static double num(Map<String, String> x, String key) {
    assertThat(x).containsKey(key);
    return Double.parseDouble(x.get(key));
  }
}
