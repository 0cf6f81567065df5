package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.report.chart.XyChart;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The H200 folder measured 1B Q4_K_M tg128 with flash attention twice, in the matrix (3
 * repetitions) and as the depth sweep's depth 0 (2 repetitions), with the same settings: one
 * configuration, so the charts draw it once, at the pooled mean of its five repetitions.
 */
class ChartsDrawConfigurationsTest {
  private final Report h200 = Report.from(TestData.root().resolve("h200-2026-12-01"));

  @Test
  void theDecodeCeilingDrawsEachConfigurationOnce() {
    List<XyChart.Point> points =
        h200.decodeCeilingChart().series().stream()
            .flatMap(s -> s.points().stream())
            .filter(p -> !p.label().isEmpty())
            .toList();
    assertThat(points).extracting(XyChart.Point::label).doesNotHaveDuplicates();
    XyChart.Point oneB =
        points.stream().filter(p -> p.label().equals("1B Q4_K_M +FA")).findFirst().orElseThrow();
    // samples_ts of the two runs: 842.34, 850.236, 849.036 and 873.393, 888.168
    assertThat(oneB.y()).isCloseTo((842.34 + 850.236 + 849.036 + 873.393 + 888.168) / 5, within());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }
}
