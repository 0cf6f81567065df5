package dev.tokbench.formats.llamabench;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;
import java.util.Map;

/**
 * llama-bench {@code -o jsonl}: one test per line, read from a saved file and, line by line, as a
 * running llama-bench streams it ({@link LlamaBenchLines}).
 */
class LlamaBenchJsonlFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzInput input = FuzzInput.of(bytes, "llama-bench.jsonl");
    FuzzContract.holds(
        input, in -> LlamaBenchOutput.read(in.file(), LlamaBenchFormat.JSONL), FuzzUses::rows);
    FuzzContract.holds(
        input,
        in -> {
          LlamaBenchLines lines = new LlamaBenchLines(in.name());
          long n = 0;
          for (String line : (Iterable<String>) in.text().lines()::iterator) {
            if (!line.isBlank()) lines.row(line, ++n, Map.of()).toString();
            else n++;
          }
        });
  }
}
