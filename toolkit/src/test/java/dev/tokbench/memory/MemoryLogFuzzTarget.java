package dev.tokbench.memory;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;

/** llama.cpp's memory lines (model, KV and compute buffers, the breakdown table) in a log. */
class MemoryLogFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "llama.log"),
        in -> MemoryLog.read(in.file()),
        log -> {
          log.toString();
          log.sections().forEach(s -> s.toString());
        });
  }
}
