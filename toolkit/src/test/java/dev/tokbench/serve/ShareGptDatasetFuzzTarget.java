package dev.tokbench.serve;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;

/** ShareGPT datasets (a JSON array of conversations, streamed) as serve-bench samples prompts. */
class ShareGptDatasetFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzContract.holds(
        FuzzInput.of(bytes, "sharegpt.json"),
        in -> ShareGptDataset.sample(in.file(), 2, 7),
        prompts -> prompts.toString());
  }
}
