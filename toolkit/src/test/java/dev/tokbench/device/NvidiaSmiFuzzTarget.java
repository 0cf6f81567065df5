package dev.tokbench.device;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;

/**
 * {@code nvidia-smi} text: the {@code -q} report, the plain banner and {@code --query-gpu} CSV, as
 * provenance and telemetry read them (each reader takes any text and keeps what it recognises).
 */
class NvidiaSmiFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "nvidia-smi.txt"),
        in -> {
          String text = in.text();
          NvidiaSmi.parseQuery(text).toString();
          NvidiaSmi.parseBanner(text).toString();
          NvidiaSmi.parseCsv(text).toString();
          Accelerators.names(NvidiaSmi.parseQuery(text));
        });
  }
}
