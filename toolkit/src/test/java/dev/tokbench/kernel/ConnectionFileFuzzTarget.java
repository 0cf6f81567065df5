package dev.tokbench.kernel;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;

/** The connection file Jupyter hands the kernel at start ({@code kernel-<id>.json}). */
class ConnectionFileFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "kernel-fuzz.json"),
        in -> ConnectionFile.read(in.file()),
        c -> {
          c.endpoint(c.shellPort());
          c.toString();
        });
  }
}
