package dev.tokbench.fleet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;

/** Fleet files: SSH and Slurm targets, labels, options, aliases, deep nesting, unknown keys. */
class FleetFileFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "fleet.yaml"),
        in -> Fleet.read(in.file()),
        fleet -> fleet.targets().forEach(t -> t.shell().script("true").commandLine()));
  }
}
