package dev.tokbench.formats.tinygrad;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;

/**
 * The output of tokbench's tinygrad harness: JSON lines (one per prefill or decode phase, with
 * per-step timings) among tinygrad's other output, read from a saved file and recognised by import.
 * Seeded with the H200 runs (cold, BEAM search and warm) and llama3.py's.
 */
class TinygradBenchFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzInput input = FuzzInput.of(bytes, "harness.jsonl");
    FuzzContract.holds(input, in -> TinygradBench.read(in.file()), FuzzUses::rows);
    FuzzContract.holds(input, in -> TinygradBench.recognises(in.text()));
  }
}
