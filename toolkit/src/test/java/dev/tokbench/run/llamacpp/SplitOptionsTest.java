package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The multi-GPU flags of the llama-bench builder: {@code -sm}, {@code -ts}, {@code -mg}. */
class SplitOptionsTest {
  private static final LlamaBench BENCH =
      LlamaBench.at(Path.of("/opt/llama/llama-bench")).model(Path.of("8b.gguf"));

  @Test
  void splitModesTensorSplitsAndMainGpuAreAxesOfOneRun() {
    // llama-bench runs every combination of comma-separated values: 3 modes × 2 splits here
    assertThat(
            BENCH
                .gpuLayers(99)
                .splitMode("none", "layer", "row")
                .tensorSplit("1/1", "3/1")
                .mainGpu(0)
                .args())
        .containsSubsequence("-m", "8b.gguf", "-ngl", "99")
        .containsSubsequence("-sm", "none,layer,row", "-ts", "1/1,3/1", "-mg", "0")
        .endsWith("-o", "jsonl");
  }

  @Test
  void aTensorSplitThatIsNotProportionsIsRefused() {
    assertThat(BENCH.tensorSplit("0.75/0.25", "1;1", "2").args()).contains("0.75/0.25,1;1,2");
    assertThatThrownBy(() -> BENCH.tensorSplit("3,1"))
        .hasMessageContaining("-ts takes proportions such as 3/1, not '3,1'");
    assertThatThrownBy(() -> BENCH.tensorSplit("-1/2")).hasMessageContaining("'-1/2'");
    assertThatThrownBy(() -> BENCH.mainGpu()).hasMessageContaining("-mg needs at least one value");
  }
}
