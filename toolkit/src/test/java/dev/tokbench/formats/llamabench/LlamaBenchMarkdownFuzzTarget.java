package dev.tokbench.formats.llamabench;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;

/** llama-bench {@code -o md} (the default): a Markdown table, perhaps after log lines. */
class LlamaBenchMarkdownFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "llama-bench.md"),
        in -> LlamaBenchOutput.read(in.file(), LlamaBenchFormat.MD),
        FuzzUses::rows);
  }
}
