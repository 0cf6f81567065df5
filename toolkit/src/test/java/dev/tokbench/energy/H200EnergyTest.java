package dev.tokbench.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The H200 session of 2026-12-01 (see resources/energy/README.md): the rows {@code tokbench run
 * llama-bench --energy nvml} wrote, and the NVML trace {@code scripts/compare-energy} kept of the
 * same llama-bench test on the same GPU a few seconds later.
 */
class H200EnergyTest {
  private static final String DIR = "h200-2026-12-01/";
  private static final long MS = 1_000_000L;

  @Test
  void theRecordedRowsAreConsistentWithThemselvesAndShowTheShortTestsPeakDefect() {
    List<BenchResult> rows = ResultsFile.read(Fixtures.resource(DIR + "run-energy.jsonl"));
    assertThat(rows).hasSize(4);
    for (BenchResult r : rows) {
      Map<String, String> x = r.extra();
      double joules = num(x, "energy_j");
      double seconds = num(x, "energy_s");
      long reps = r.samples().size();
      long tokens = reps * (r.nPrompt() + r.nGen());
      double idle = Double.parseDouble(r.provenance().get("energy_idle_w"));
      assertThat(num(x, "mean_w")).as(r.test()).isCloseTo(joules / seconds, within(0.01));
      assertThat(num(x, "j_per_tok")).as(r.test()).isCloseTo(joules / tokens, within(1e-6));
      assertThat(num(x, "energy_net_j"))
          .as(r.test())
          .isCloseTo(joules - idle * seconds, within(0.01));
      // the window is the repetitions back to back: their samples_ns summed
      long sum = List.of(x.get("samples_ns").split(";")).stream().mapToLong(Long::parseLong).sum();
      assertThat(seconds).as(r.test()).isCloseTo(sum / 1e9, within(1e-6));
    }
    // written before the fix: the 8B's pp512 (5 x 54 ms) peaks at 200.03 W below its 397.65 W mean
    BenchResult pp = rows.get(0);
    assertThat(pp.model() + " " + pp.test()).isEqualTo("llama-3.1-8b pp512");
    assertThat(num(pp.extra(), "peak_w")).isLessThan(num(pp.extra(), "mean_w"));
  }

  @Test
  void aShortTestsPeakIsNeverBelowItsMeanAndSaysWhenItIsTheMean() throws IOException {
    Trace trace = Traces.read(Fixtures.resource(DIR + "compare/nvml.csv"));
    JsonNode pp = firstRow("compare/llama-bench.jsonl");
    List<Long> samplesNs = new ArrayList<>();
    pp.get("samples_ns").forEach(n -> samplesNs.add(n.asLong()));
    Window span = trace.span();
    Measurement m = measurement(trace);
    long length = samplesNs.stream().mapToLong(Long::longValue).sum();
    int lagging = 0;
    // the real pp512 row placed at every 20 ms of the trace: idle, the prompt burst, generation
    for (long end = span.startNs() + length; end <= span.endNs(); end += 20 * MS) {
      TimedRow row = TimedRow.llamaBench("pp512", end, samplesNs, 512, 0);
      Energy e = m.attribute(List.of(row)).get(0).total();
      assertThat(e.peakW()).as("ending at %d", end).isGreaterThanOrEqualTo(e.meanW() * (1 - 1e-9));
      if (e.flags().contains(EnergyFlag.PEAK_IS_MEAN)) {
        lagging++;
        assertThat(e.peakW()).isEqualTo(e.meanW());
        assertThat(e.fields("").get("energy_flag")).contains("peak-is-mean");
        assertThat(samplesInside(trace, Window.endingAt(end, length))).allMatch(w -> w < e.meanW());
      }
    }
    // NVML's power reading on Hopper is a 1 s average: the prompt burst shows in the counter first
    assertThat(lagging).isGreaterThan(5);
  }

  private static List<Double> samplesInside(Trace trace, Window w) {
    return trace.samples().stream()
        .filter(p -> p.stamp().monoNs() >= w.startNs() && p.stamp().monoNs() <= w.endNs())
        .map(PowerSample::watts)
        .toList();
  }

  /** The trace as a measurement: its first 3 s (GPU idle) as the baseline. */
  private static Measurement measurement(Trace trace) {
    Window span = trace.span();
    return new Measurement(
        trace.samples(),
        List.of(),
        Duration.ofMillis(100),
        new Window(span.startNs(), span.startNs() + 3000 * MS),
        span,
        trace.samples().size(),
        0);
  }

  private static JsonNode firstRow(String name) throws IOException {
    String line = Files.readAllLines(Fixtures.resource(DIR + name)).get(0);
    return new ObjectMapper().readTree(line);
  }

  private static double num(Map<String, String> extra, String key) {
    return Double.parseDouble(extra.get(key));
  }
}
