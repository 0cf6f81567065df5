package dev.tokbench.results;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;
import java.nio.file.Path;

/**
 * A sweep store being resumed: opened (a torn last line cut off), its done points listed, its rows
 * read, one more point appended and read back. An input that starts with {@code {} is opened as
 * a JSONL store, any other as a CSV store.
 */
class ResultStoreFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    boolean csv = bytes.length == 0 || bytes[0] != '{';
    FuzzContract.holds(
        FuzzInput.of(bytes, csv ? "store.csv" : "store.jsonl"),
        in -> resume(in.file()),
        FuzzUses::rows);
  }

  private static java.util.List<BenchResult> resume(Path file) {
    try (ResultStore store = ResultStore.open(file)) {
      store.donePoints();
      store.rows();
      store.append("fuzz", BenchResult.failed("llama.cpp", Status.FAILED, "appended"));
      store.pointDone("fuzz");
      return store.rows();
    }
  }
}
