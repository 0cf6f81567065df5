package dev.tokbench.formats.llamalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.formats.Import;
import dev.tokbench.memory.DeviceMemory;
import dev.tokbench.memory.FitCheck;
import dev.tokbench.memory.Memory;
import dev.tokbench.memory.MemoryPlan;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MemoryRow;
import dev.tokbench.results.ResultsFile;
import dev.tokbench.results.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tight-limit fit check on a real NVIDIA H200 (scripts/gpu/fit-tight-h200.sh, run by the lead
 * on 2026-12-01 17:10 UTC; raw outputs in test resources memory/h200-fit-tight/): a PyTorch process
 * left 12287 MiB free; gguf fit predicted the largest context with a 1 GiB margin (52736), with
 * none (60928) and with 2 GiB more than free (77312); llama-bench and llama-completion ran at each.
 * What the GPU said is checked against what the estimator says here, now.
 */
class H200FitTightTest {
  private static final Path DIR = Path.of("src/test/resources/memory/h200-fit-tight");
  private static final long MIB = 1 << 20;
  private static final long FREE_MIB = 12287; // holder.log: READY free_bytes=12883984384

  private static Memory model() {
    // the H200's model: tokbench synth --shape llama-3.1-8b --type Q4_K_M
    return Memory.shape("llama-3.1-8b", "Q4_K_M").allowLongContext();
  }

  private static JsonNode json(String name) throws IOException {
    return new ObjectMapper().readTree(DIR.resolve(name).toFile());
  }

  @Test
  void theEstimatorStillPredictsTheThreeContextsTheH200RunUsed() throws IOException {
    FitCheck fit = model().ctx(262144).memory(FREE_MIB * MIB).margin("1GiB").plan().fit().get();
    FitCheck edge = model().ctx(262144).memory(FREE_MIB * MIB).margin(0).plan().fit().get();
    FitCheck over =
        model().ctx(262144).memory((FREE_MIB + 2048) * MIB).margin(0).plan().fit().get();

    assertThat(fit.maxContext())
        .isEqualTo(52736)
        .isEqualTo(json("fit-fit.json").get("max_context").asLong());
    assertThat(edge.maxContext())
        .isEqualTo(60928)
        .isEqualTo(json("fit-edge.json").get("max_context").asLong());
    assertThat(over.maxContext())
        .isEqualTo(77312)
        .isEqualTo(json("fit-over.json").get("max_context").asLong());
  }

  @Test
  void whatFitsRanAndWhatDidNotWasARealCudaOutOfMemoryRowNamingItsTest() {
    // written on the H200 by tokbench run llama-bench --continue-after-failure
    List<BenchResult> rows = ResultsFile.read(DIR.resolve("fit-tight.jsonl"));

    assertThat(rows)
        .extracting(BenchResult::test)
        .containsExactly("pp512 @ d52224", "pp512 @ d60416", "pp512 @ d76800");
    assertThat(rows)
        .extracting(BenchResult::status)
        .containsExactly(Status.OK, Status.OOM, Status.OOM);
    assertThat(rows.get(0).tokensPerSMean()).isPositive();
    assertThat(rows.get(1).reason())
        .contains("allocating 7616.00 MiB on device 0: cudaMalloc failed: out of memory");
    assertThat(rows.get(2).reason())
        .contains("allocating 9664.00 MiB on device 0: cudaMalloc failed: out of memory");
    assertThat(rows.get(2).provenance()).containsEntry("llama_bench_launch", "2");
    assertThat(rows.subList(1, 3)).allMatch(r -> r.model().equals("llama-3.1-8b"));
  }

  @Test
  void llamaCppsOwnBuffersAtTheFitPointAreTheEstimateAndItsProjectionAtTheEdgeToo() {
    List<BenchResult> rows = Import.read(DIR.resolve("completion-tight.log.gz"));
    MemoryPlan plan = model().ctx(52736).memory(FREE_MIB * MIB).plan();
    DeviceMemory gpu = plan.devices().get(0);

    BenchResult fit = gpuRow(rows, "point=fit");
    assertThat(fit.status()).isEqualTo(Status.OK);
    // the buffers as llama.cpp printed them (two decimals) are the estimate's
    assertThat(fit.extra().get("buffer.model.CUDA0_mib")).isEqualTo(mib2(gpu.modelBytes()));
    assertThat(fit.extra().get("buffer.context.CUDA0_mib")).isEqualTo(mib2(gpu.kvBytes()));
    assertThat(fit.extra().get("buffer.compute.CUDA0_mib")).isEqualTo(mib2(gpu.computeBytes()));
    assertThat(fit.extra())
        .containsEntry("memory_self_mib", String.valueOf(gpu.totalBytes() / MIB));
    // it ran with 439 MiB left of the 11763 MiB llama.cpp saw free after its own CUDA context
    assertThat(fit.extra()).containsEntry("memory_free_mib", "439");

    for (String point : List.of("point=edge", "point=over")) {
      BenchResult r = gpuRow(rows, point);
      int ctx = Integer.parseInt(r.flags().get("n_ctx"));
      long estimate = model().ctx(ctx).plan().devices().get(0).totalBytes() / MIB;
      assertThat(r.status()).as(point).isEqualTo(Status.OOM);
      assertThat(r.reason()).contains("cudaMalloc failed: out of memory");
      // llama.cpp's own --fit projection (its probe, before the failed allocation) = the estimate
      assertThat(r.extra()).containsEntry("memory_fit_projected_mib", String.valueOf(estimate));
      assertThat(r.extra()).containsEntry("memory_free_mib", "11763");
    }
  }

  private static BenchResult gpuRow(List<BenchResult> rows, String point) {
    return rows.stream()
        .filter(r -> r.extra().get("memory_section").endsWith(point))
        .filter(r -> r.extra().get(MemoryRow.DEVICE).startsWith("CUDA0"))
        .findFirst()
        .orElseThrow();
  }

  /** As llama.cpp prints a size with %.2f, then as Java prints that double. */
  private static String mib2(long bytes) {
    return String.valueOf(
        Double.parseDouble(String.format(java.util.Locale.ROOT, "%.2f", bytes / (double) MIB)));
  }
}
