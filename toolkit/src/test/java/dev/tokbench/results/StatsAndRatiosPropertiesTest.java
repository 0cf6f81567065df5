package dev.tokbench.results;

import static dev.tokbench.testing.Properties.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The statistics of repeats (mean, median, sample standard deviation) and the ratios the report
 * quotes (FA on ÷ off, one framework ÷ another): a ratio read the other way round is its inverse.
 */
class StatsAndRatiosPropertiesTest {
  private static final Gen<List<Double>> SAMPLES =
      lists().of(doubles().between(0.1, 1e5)).ofSizeBetween(1, 50);

  @Test
  void meanAndMedianLieBetweenTheSmallestAndLargestSample() {
    qt(1000)
        .forAll(SAMPLES)
        .checkAssert(
            xs -> {
              double min = Collections.min(xs);
              double max = Collections.max(xs);
              double slack = 1e-9 * max;
              assertThat(Stats.mean(xs)).isBetween(min - slack, max + slack);
              assertThat(Stats.median(xs)).isBetween(min, max);
              assertThat(Stats.stddev(xs)).isBetween(0.0, max - min + slack);
            });
  }

  @Test
  void theSpreadIgnoresAShiftAndScalesWithAFactor() {
    qt(1000)
        .forAll(SAMPLES, doubles().between(-1e4, 1e4), doubles().between(0.01, 100))
        .checkAssert(
            (xs, shift, factor) -> {
              double sd = Stats.stddev(xs);
              double tolerance = 1e-6 * (1 + sd + Math.abs(shift));
              assertThat(Stats.stddev(map(xs, x -> x + shift))).isCloseTo(sd, within(tolerance));
              assertThat(Stats.stddev(map(xs, x -> x * factor)))
                  .isCloseTo(sd * factor, within(tolerance * factor));
              assertThat(Stats.mean(map(xs, x -> x * factor)))
                  .isCloseTo(Stats.mean(xs) * factor, within(1e-9 * factor * Collections.max(xs)));
            });
  }

  @Test
  void aComparisonReadTheOtherWayRoundGivesTheInverseOfEachRatio() {
    qt(500)
        .forAll(lists().of(doubles().between(0.1, 1e5)).ofSizeBetween(1, 12), SAMPLES)
        .checkAssert(
            (a, b) -> {
              int n = Math.min(a.size(), b.size());
              List<BenchResult> baseline = rows("llama.cpp", a.subList(0, n));
              List<BenchResult> candidate = rows("tinygrad", b.subList(0, n));
              Comparison forward =
                  Comparison.of("llama.cpp", baseline, "tinygrad", candidate, SAME_MODEL_AND_TEST);
              Comparison back =
                  Comparison.of("tinygrad", candidate, "llama.cpp", baseline, SAME_MODEL_AND_TEST);
              assertThat(forward.rows()).hasSize(n).hasSameSizeAs(back.rows());
              for (int i = 0; i < n; i++) {
                double s = forward.rows().get(i).speedup();
                assertThat(s * back.rows().get(i).speedup()).isCloseTo(1.0, within(1e-12));
              }
              Range f = forward.speedupRange();
              Range r = back.speedupRange();
              assertThat(r.min()).isCloseTo(1 / f.max(), within(1e-12 * r.max()));
              assertThat(r.max()).isCloseTo(1 / f.min(), within(1e-12 * r.max()));
            });
  }

  private static final java.util.function.Function<BenchResult, String> SAME_MODEL_AND_TEST =
      Comparison.SAME_MODEL_AND_TEST;

  /** One decode row per value, model {@code m<i>}, as {@code framework} measured it. */
  private static List<BenchResult> rows(String framework, List<Double> tokensPerS) {
    List<BenchResult> rows = new ArrayList<>();
    for (int i = 0; i < tokensPerS.size(); i++) {
      rows.add(
          BenchResult.measured(framework)
              .model("m" + i, "Q4_K_M")
              .test("tg128", 0, 128, 0)
              .tokensPerS(tokensPerS.get(i), 0, List.of(tokensPerS.get(i)))
              .build());
    }
    return rows;
  }

  private static List<Double> map(List<Double> xs, java.util.function.DoubleUnaryOperator f) {
    return xs.stream().map(x -> f.applyAsDouble(x)).toList();
  }
}
