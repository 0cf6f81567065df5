package dev.tokbench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {
  @Test
  void percentilesInterpolateAsNumpysDefault() {
    // numpy: np.percentile([1, 2, 3, 4, 10], [50, 90, 99]) = [3.0, 7.6, 9.76]
    Distribution d = Distribution.of(List.of(4.0, 1.0, 10.0, 3.0, 2.0));

    assertThat(d.p50()).isEqualTo(3.0);
    assertThat(d.p90()).isCloseTo(7.6, within(1e-12));
    assertThat(d.p99()).isCloseTo(9.76, within(1e-12));
    assertThat(d.mean()).isEqualTo(4.0);
    // np.std (ddof=0): sqrt((9 + 4 + 1 + 0 + 36) / 5)
    assertThat(d.std()).isCloseTo(Math.sqrt(50.0 / 5), within(1e-12));
    assertThat(d.min()).isEqualTo(1.0);
    assertThat(d.max()).isEqualTo(10.0);
  }

  @Test
  void anEvenCountsMedianIsTheMidpointAndOneValueIsEveryPercentile() {
    assertThat(Distribution.of(List.of(1.0, 2.0, 3.0, 4.0)).p50()).isEqualTo(2.5);
    Distribution one = Distribution.of(List.of(7.0));
    assertThat(List.of(one.p50(), one.p90(), one.p99(), one.std()))
        .containsExactly(7.0, 7.0, 7.0, 0.0);
  }

  @Test
  void noValuesIsNaNNotZeroAndNaNsAreLeftOut() {
    assertThat(Distribution.of(List.of()).p50()).isNaN();
    assertThat(Distribution.of(List.of(Double.NaN)).count()).isZero();
    assertThat(Distribution.of(List.of(Double.NaN, 5.0)).mean()).isEqualTo(5.0);
  }
}
