package dev.tokbench.formats.vllm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;
import java.util.List;

/** vLLM's {@code --output-json} of {@code vllm bench latency} and {@code throughput}. */
class VllmOutputFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "vllm.json"),
        in -> List.of(VllmOutput.read(in.file(), "model", LatencyShape.DEFAULT)),
        FuzzUses::rows);
  }
}
