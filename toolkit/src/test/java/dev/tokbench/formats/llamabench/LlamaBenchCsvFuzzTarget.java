package dev.tokbench.formats.llamabench;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;

/** llama-bench {@code -o csv}: a header naming the fields, one test per row. */
class LlamaBenchCsvFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "llama-bench.csv"),
        in -> LlamaBenchOutput.read(in.file(), LlamaBenchFormat.CSV),
        FuzzUses::rows);
  }
}
