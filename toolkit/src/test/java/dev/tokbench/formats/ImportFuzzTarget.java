package dev.tokbench.formats;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;

/**
 * {@code tokbench import} without {@code --format}: the content decides which reader runs (every
 * format's seeds are in the corpus), so the sniffing and each reader it hands over to are fuzzed.
 */
class ImportFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "saved-output"),
        in -> {
          Import.detect(in.file());
          return Import.read(in.file());
        },
        FuzzUses::rows);
  }
}
