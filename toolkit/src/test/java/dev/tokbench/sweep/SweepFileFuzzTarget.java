package dev.tokbench.sweep;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;

/** Sweep files in YAML: alias bombs, deep nesting, unknown keys, every framework's run block. */
class SweepFileFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "sweep.yaml"),
        in -> SweepFile.read(in.file()),
        sweep -> sweep.points().forEach(p -> p.toString()));
  }
}
