package dev.tokbench.serve.metrics;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;

/** A server's {@code /metrics} (Prometheus text format), read before and after a load level. */
class PrometheusTextFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "metrics"),
        in -> PrometheusText.parse(in.text(), in.name()),
        snapshot -> MetricsDelta.between(snapshot, snapshot).toString());
  }
}
