package dev.tokbench.results;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;

/**
 * tokbench's own JSONL files as {@link ResultsFile#read} tells them apart by their first line: a
 * results JSONL ({@code run --out x.jsonl}) or a JSONL sweep store (rows and done lines).
 */
class ResultsJsonlFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "results.jsonl"), in -> ResultsFile.read(in.file()), FuzzUses::rows);
  }
}
