package dev.tokbench.formats.llamabench;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;

/** llama-bench {@code -o sql}: {@code CREATE TABLE} then one {@code INSERT INTO} per test. */
class LlamaBenchSqlFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "llama-bench.sql"),
        in -> LlamaBenchOutput.read(in.file(), LlamaBenchFormat.SQL),
        FuzzUses::rows);
  }
}
