package dev.tokbench.report;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import java.nio.file.Path;

/**
 * Claims files: every key, look-up, computation and condition, lists, templates, aliases, deep
 * nesting; what reads must also run on the Orin folder and print as claims.md.
 */
class ClaimsFileFuzzTarget {
  private static final DataFolder ORIN = DataFolder.read(TestData.orin());

  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "claims.yaml"),
        in -> ClaimsFile.parse(Path.of(in.name()), in.text()),
        file -> Claims.markdown(ORIN, Claims.check(ORIN, file)));
  }
}
