package dev.tokbench.notebook;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;

/** {@code .ipynb} files as {@code tokbench notebook run} reads them, and writes them back. */
class NotebookFileFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "fuzz.ipynb"),
        in -> NotebookFile.read(in.file()),
        nb -> {
          for (int i : nb.codeCells()) {
            nb.source(i);
            nb.tags(i);
          }
          nb.toJson();
        });
  }
}
