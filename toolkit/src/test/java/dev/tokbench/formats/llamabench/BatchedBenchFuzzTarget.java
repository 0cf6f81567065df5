package dev.tokbench.formats.llamabench;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;

/**
 * llama-batched-bench {@code --output-format jsonl}, read as a saved file named by its model (so
 * the file name's quantization is parsed too) and through {@code import}'s recognition.
 */
class BatchedBenchFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzInput input = FuzzInput.of(bytes, "llama-3.2-1b-Q4_K_M.jsonl");
    FuzzContract.holds(input, in -> BatchedBench.read(in.file()), FuzzUses::rows);
    FuzzContract.holds(
        input,
        in -> BatchedBench.recognises(in.text()) ? BatchedBench.read(in.file(), "m", "Q8_0") : null,
        rows -> {
          if (rows != null) FuzzUses.rows(rows);
        });
  }
}
