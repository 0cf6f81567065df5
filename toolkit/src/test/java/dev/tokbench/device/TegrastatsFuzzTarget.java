package dev.tokbench.device;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;

/**
 * Jetson {@code tegrastats} lines of every board and L4T release, sampled and summarised into
 * provenance as a run does.
 */
class TegrastatsFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "tegrastats"),
        in -> TegraSummary.of(in.text().lines().map(TegraSample::parse).toList()),
        summary -> summary.provenance().toString());
  }
}
