package dev.tokbench.formats.llamabench;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;

/** llama-bench {@code -o json}: an array of tests, complete or cut short. */
class LlamaBenchJsonFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "llama-bench.json"),
        in -> LlamaBenchOutput.read(in.file(), LlamaBenchFormat.JSON),
        FuzzUses::rows);
  }
}
