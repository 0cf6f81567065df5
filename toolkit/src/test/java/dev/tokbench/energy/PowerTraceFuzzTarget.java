package dev.tokbench.energy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;

/**
 * Power traces as {@code tokbench energy} reads them: nvidia-smi {@code --query-gpu} CSV,
 * tegrastats logs (with and without timestamps) and tokbench's own trace CSV, told apart by the
 * first line.
 */
class PowerTraceFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "power.csv"),
        in -> Traces.read(in.file()),
        trace -> {
          trace.toString();
          trace.channels();
          if (!trace.samples().isEmpty()) trace.span();
        });
  }
}
