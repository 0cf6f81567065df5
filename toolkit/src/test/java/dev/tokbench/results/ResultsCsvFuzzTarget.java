package dev.tokbench.results;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;

/** tokbench's own results CSV ({@code run --out x.csv}, {@code import --out}, a CSV store). */
class ResultsCsvFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "results.csv"), in -> ResultsCsv.read(in.file()), FuzzUses::rows);
  }
}
