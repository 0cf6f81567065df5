package dev.tokbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.testing.RunFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Student's t, pooled repetitions and Welch's test, against published values and real runs. */
class StatisticsTest {
  @Test
  void tQuantilesMatchThePrintedTables() {
    // two-sided 95 % critical values of Student's t (any statistics table)
    assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.7062, within(1e-4));
    assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.3027, within(1e-4));
    assertThat(StudentT.quantile(0.975, 4)).isCloseTo(2.7764, within(1e-4));
    assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.0423, within(1e-4));
    assertThat(StudentT.quantile(0.025, 10)).isCloseTo(-2.2281, within(1e-4));
    assertThat(StudentT.twoSidedP(2.2281, 10)).isCloseTo(0.05, within(1e-4));
    assertThat(StudentT.cdf(0, 3.5)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void welchsTestMatchesTheTextbookExample() {
    // Wikipedia, "Welch's t-test", example 1 (A1 - A2); reference values from SciPy 1.x,
    // scipy.stats.ttest_ind(a1, a2, equal_var=False): t -2.455356, df 24.988529, p 0.021378
    List<Double> a1 =
        List.of(
            27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7,
            21.4);
    List<Double> a2 =
        List.of(
            27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5,
            24.4);
    Speedup s = Speedup.of(pooled(a2), pooled(a1));
    assertThat(s.t()).isCloseTo(-2.455356, within(1e-6));
    assertThat(s.df()).isCloseTo(24.988529, within(1e-6));
    assertThat(s.p()).isCloseTo(0.021378, within(1e-6));
    assertThat(s.significant()).isTrue();
    assertThat(s.ratio()).isEqualTo(Stats.mean(a1) / Stats.mean(a2));
    assertThat(s.ciLow()).isLessThan(s.ratio());
    assertThat(s.ciHigh()).isGreaterThan(s.ratio()).isLessThan(1.0);
  }

  @Test
  void runsOfOneConfigurationPoolToTheStatisticsOfAllTheirRepetitions() {
    // llama-bench runs of one setup printed as json and jsonl: two runs of each test, 3 samples
    // each
    List<BenchResult> rows = new ArrayList<>();
    for (String f : List.of("cpu-tiny.json", "cpu-tiny.jsonl")) {
      rows.addAll(LlamaBenchOutput.read(RunFixtures.path("llama-bench/" + f)));
    }
    List<MergedRuns> merged = Repeats.merge(rows);
    assertThat(merged).hasSize(8);
    for (MergedRuns c : merged) {
      List<Double> all = new ArrayList<>();
      c.runs().forEach(r -> all.addAll(r.samples()));
      assertThat(c.runs()).hasSize(2);
      assertThat(c.pooled().repetitions()).isEqualTo(all.size()).isEqualTo(6);
      // samples_ts are printed to 6 significant digits; avg_ts and stddev_ts are exact
      double rounding = 1e-5 * c.mean();
      assertThat(c.mean()).isCloseTo(Stats.mean(all), within(rounding));
      assertThat(c.pooled().stddev()).isCloseTo(Stats.stddev(all), within(rounding));
      double half = StudentT.quantile(0.975, 5) * c.pooled().stddev() / Math.sqrt(6);
      assertThat(c.pooled().ci95High() - c.mean()).isCloseTo(half, within(1e-9));
    }
  }

  @Test
  void csvAndSqlRowsWithoutSamplesMergeWithTheSameConfigurationAsOneRepetitionEach() {
    // llama-bench's csv and sql printers leave out samples_ts: each row counts as one repetition
    List<BenchResult> rows = new ArrayList<>();
    for (String f : List.of("cpu-tiny.json", "cpu-tiny.csv", "cpu-tiny.sql")) {
      rows.addAll(LlamaBenchOutput.read(RunFixtures.path("llama-bench/" + f)));
    }
    List<MergedRuns> merged = Repeats.merge(rows);
    assertThat(merged).hasSize(8);
    for (MergedRuns c : merged) {
      assertThat(c.runs()).hasSize(3);
      assertThat(c.pooled().repetitions()).isEqualTo(3 + 1 + 1);
      List<BenchResult> r = c.runs();
      double weighted =
          (3 * r.get(0).tokensPerSMean() + r.get(1).tokensPerSMean() + r.get(2).tokensPerSMean())
              / 5;
      assertThat(c.mean()).isCloseTo(weighted, within(1e-9 * weighted));
    }
  }

  @Test
  void aSingleRunKeepsItsOwnMeanAndSpreadAndIsFlaggedWhenItVariesMuch() {
    List<BenchResult> h100 =
        LlamaBenchOutput.read(RunFixtures.path("llama-bench/h100-report-matrix.json"));
    Pooled pp = Pooled.of(List.of(h100.get(0)));
    Pooled tg = Pooled.of(List.of(h100.get(1)));
    assertThat(pp.mean()).isEqualTo(h100.get(0).tokensPerSMean());
    assertThat(pp.stddev()).isEqualTo(h100.get(0).tokensPerSStddev());
    assertThat(pp.repetitions()).isEqualTo(3);
    assertThat(pp.highVariation()).as("pp512 varies %.1f%%", pp.cv() * 100).isTrue();
    assertThat(tg.highVariation()).as("tg128 varies %.1f%%", tg.cv() * 100).isFalse();
  }

  @Test
  void withoutTwoRepetitionsOnEachSideThereIsNoIntervalNorTest() {
    Speedup s = Speedup.of(new Pooled(1, 1, 10, Double.NaN), new Pooled(1, 3, 12, 1));
    assertThat(s.ratio()).isEqualTo(1.2);
    assertThat(s.testable()).isFalse();
    assertThat(s.significance()).isEqualTo("n/a");
  }

  private static Pooled pooled(List<Double> xs) {
    return new Pooled(1, xs.size(), Stats.mean(xs), Stats.stddev(xs));
  }
}
