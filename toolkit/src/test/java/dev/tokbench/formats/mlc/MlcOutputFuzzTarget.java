package dev.tokbench.formats.mlc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;

/** The {@code --output} CSV of MLC LLM's {@code python -m mlc_llm.bench}. */
class MlcOutputFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "mlc-bench.csv"),
        in -> MlcOutput.read(in.file(), "model"),
        FuzzUses::rows);
  }
}
