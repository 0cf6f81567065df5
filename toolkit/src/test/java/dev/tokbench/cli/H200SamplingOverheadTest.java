package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.results.BenchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The H200's sampling-overhead benchmark ({@code scripts/bench-energy}, 5 interleaved pairs of the
 * 8B Q4_K_M at pp512 and tg128, NVML sampled every 100 ms in the second of each pair): its
 * published summary, recomputed from the ten runs' llama-bench rows read by our reader. A check
 * that the figures in docs/energy.md are what the raw runs say, not a timing test.
 */
class H200SamplingOverheadTest {
  private static Path dir() throws Exception {
    return Path.of(
        H200SamplingOverheadTest.class.getResource("/energy/h200-2026-12-01/overhead").toURI());
  }

  private static double rate(String mode, int rep, String test) throws Exception {
    List<BenchResult> rows = LlamaBenchOutput.read(dir().resolve(mode + "-" + rep + ".jsonl"));
    return rows.stream()
        .filter(r -> r.test().equals(test))
        .findFirst()
        .orElseThrow()
        .tokensPerSMean();
  }

  @Test
  void theSummaryIsWhatTheTenRunsSay() throws Exception {
    List<String> summary = Files.readAllLines(dir().resolve("summary.txt"));
    for (String test : List.of("pp512", "tg128")) {
      List<Double> bare = new ArrayList<>();
      List<Double> diff = new ArrayList<>();
      double sampled = 0;
      for (int rep = 1; rep <= 5; rep++) {
        double b = rate("bare", rep, test);
        double s = rate("sampled", rep, test);
        bare.add(b);
        diff.add(100 * (s - b) / b);
        sampled += s / 5;
      }
      double meanBare = mean(bare);
      String[] printed =
          summary.stream()
              .filter(l -> l.startsWith(test + " "))
              .findFirst()
              .orElseThrow()
              .trim()
              .split("\\s+");
      assertThat(Double.parseDouble(printed[1])).as(test).isCloseTo(meanBare, within(0.0051));
      assertThat(Double.parseDouble(printed[2])).as(test).isCloseTo(sampled, within(0.0051));
      assertThat(Double.parseDouble(printed[3])).as(test).isCloseTo(mean(diff), within(0.0051));
      assertThat(Double.parseDouble(printed[4])).as(test).isCloseTo(sd(diff), within(0.0051));
      assertThat(Double.parseDouble(printed[5]))
          .as(test)
          .isCloseTo(100 * sd(bare) / meanBare, within(0.0051));
      // no measurable disturbance: the mean difference lies inside its own noise
      assertThat(Math.abs(mean(diff))).as(test).isLessThan(sd(diff));
    }
  }

  private static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** The sample standard deviation (n - 1), as the script's awk computes it. */
  private static double sd(List<Double> v) {
    double m = mean(v);
    double ss = v.stream().mapToDouble(x -> (x - m) * (x - m)).sum();
    return Math.sqrt(ss / (v.size() - 1));
  }
}
