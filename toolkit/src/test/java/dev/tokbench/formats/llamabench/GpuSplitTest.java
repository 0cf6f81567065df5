package dev.tokbench.formats.llamabench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.testing.RunFixtures;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A row of a machine with several GPUs says how many took part and the split. No llama-bench output
 * of such a machine exists yet (none was available): these rows are a real CPU row with the
 * multi-GPU fields set as llama-bench prints them ({@code gpu_info} joined by ", ", {@code
 * tensor_split} as {@code 0.75/0.25}, {@code devices} as {@code CUDA0/CUDA1}).
 */
class GpuSplitTest {
  private static BenchResult row(Map<String, String> fields) {
    LlamaBenchRecord real =
        LlamaBenchOutput.records(RunFixtures.path("llama-bench/cpu-tiny.jsonl")).get(0);
    Map<String, String> f = new LinkedHashMap<>(real.fields());
    f.put("gpu_info", "NVIDIA H200, NVIDIA H200");
    f.put("n_gpu_layers", "99");
    f.putAll(fields);
    return LlamaBenchRow.toResult(new LlamaBenchRecord(f, real.format(), real.line()));
  }

  @Test
  void eachSplitModeSaysHowManyGpusTookPart() {
    assertThat(row(Map.of("split_mode", "layer", "tensor_split", "0.00")).extra())
        .containsEntry("gpus", "2")
        .containsEntry("split", "layer 0.00 over 2 GPUs");
    assertThat(row(Map.of("split_mode", "row", "tensor_split", "0.75/0.25")).extra())
        .containsEntry("gpus", "2")
        .containsEntry("split", "row 0.75/0.25 over 2 GPUs");
    assertThat(row(Map.of("split_mode", "none", "main_gpu", "1")).extra())
        .containsEntry("gpus", "1")
        .containsEntry("split", "none on GPU 1");
    assertThat(row(Map.of("split_mode", "layer", "tensor_split", "1.00/0.00")).extra())
        .containsEntry("gpus", "1");
    assertThat(row(Map.of("split_mode", "layer", "devices", "CUDA1")).extra())
        .containsEntry("gpus", "1");
    assertThat(row(Map.of("n_gpu_layers", "0")).extra()).containsEntry("gpus", "0");
    // the split's own fields stay flags
    assertThat(row(Map.of("split_mode", "row", "tensor_split", "0.75/0.25")).flags())
        .containsEntry("split_mode", "row")
        .containsEntry("tensor_split", "0.75/0.25");
  }

  @Test
  void rowsOfOneGpuOrNoneAreAsBefore() {
    LlamaBenchRecord real =
        LlamaBenchOutput.records(RunFixtures.path("llama-bench/cpu-tiny.jsonl")).get(0);
    assertThat(LlamaBenchRow.toResult(real).extra()).doesNotContainKeys("gpus", "split");
    assertThat(row(Map.of("gpu_info", "NVIDIA H200")).extra()).doesNotContainKeys("gpus", "split");
  }
}
