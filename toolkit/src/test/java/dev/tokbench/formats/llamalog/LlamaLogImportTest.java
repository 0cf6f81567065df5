package dev.tokbench.formats.llamalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.formats.Import;
import dev.tokbench.memory.MemoryLogException;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MemoryRow;
import dev.tokbench.results.Repeats;
import dev.tokbench.results.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** llama.cpp's own logs through {@code import}: memory rows, from real logs of real runs. */
class LlamaLogImportTest {
  private static final Path MEMORY = Path.of("src/test/resources/memory");

  @TempDir Path tmp;

  private static BenchResult row(List<BenchResult> rows, String section, String device) {
    return rows.stream()
        .filter(r -> r.extra().getOrDefault("memory_section", "").equals(section))
        .filter(r -> r.extra().get(MemoryRow.DEVICE).equals(device))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + section + " " + device + " in " + rows));
  }

  @Test
  void theH200BreakdownIsOneRowPerDevicePerRunWithLlamaCppsOwnFigures() {
    Path file = MEMORY.resolve("h200-memory-breakdown.txt");
    assertThat(Import.detect(file)).isEqualTo("llama-log");

    List<BenchResult> rows = Import.read(file);

    // 12 llama-completion runs x (CUDA0, Host), and the 2 llama-fit-params runs' buffers
    assertThat(rows.stream().filter(r -> r.extra().get("memory_from").equals("breakdown")))
        .hasSize(24);
    assertThat(rows).allMatch(MemoryRow::is).allMatch(BenchResult::ok);
    // the table at exit (the --fit probe's first one said free 142629, unaccounted -618):
    // | - CUDA0 (H200) | 143155 = 141411 + (1145 = 762 + 128 + 254) + 599 |
    BenchResult gpu = row(rows, "llama-3.2-1b-Q4_K_M c=4096 ctk=f16", "CUDA0 (H200)");
    assertThat(gpu.model()).isEqualTo("llama-3.2-1b");
    assertThat(gpu.quant()).isEqualTo("Q4_K_M");
    assertThat(gpu.backend()).isEqualTo("CUDA");
    assertThat(gpu.device()).isEqualTo("H200");
    assertThat(gpu.flags()).containsEntry("n_ctx", "4096").containsEntry("type_k", "f16");
    assertThat(gpu.extra())
        .containsEntry("memory_total_mib", "143155")
        .containsEntry("memory_free_mib", "141411")
        .containsEntry("memory_self_mib", "1145")
        .containsEntry("memory_model_mib", "762")
        .containsEntry("memory_context_mib", "128")
        .containsEntry("memory_compute_mib", "254")
        .containsEntry("memory_unaccounted_mib", "599")
        .containsEntry("buffer.model.CUDA0_mib", "762.81")
        .containsEntry("buffer.context.CUDA0_mib", "128.0");
    assertThat(MemoryRow.mib(gpu, "self")).isEqualTo(1145.0);
    // | - Host | 217 = 205 + 0 + 12 |, with the host buffers' precise sizes
    BenchResult host = row(rows, "llama-3.2-1b-Q4_K_M c=4096 ctk=f16", "Host");
    assertThat(host.extra())
        .containsEntry("memory_self_mib", "217")
        .containsEntry("buffer.model.CPU_Mapped_mib", "205.49")
        .containsEntry("buffer.compute.CUDA_Host_mib", "12.0137")
        .doesNotContainKey("memory_free_mib");
    // llama-fit-params' section names its model by the header's second word
    assertThat(rows.stream().filter(r -> r.extra().get("memory_section").startsWith("fit ")))
        .isNotEmpty()
        .allMatch(r -> r.model().equals("llama-3.2-1b") || r.model().equals("qwen3-1.7b"));
  }

  @Test
  void memoryRowsStayOutOfSpeedRepeatsAndComparisons() {
    List<BenchResult> rows = Import.read(MEMORY.resolve("h200-memory-breakdown.txt"));

    assertThat(rows).allMatch(r -> Double.isNaN(r.tokensPerSMean()));
    assertThat(Repeats.merge(rows)).isEmpty();
  }

  @Test
  void theGzippedH200MatrixImportsWithPartialOffloadInItsFlags() {
    Path file = MEMORY.resolve("h200-memory-matrix.log.gz");
    assertThat(Import.detect(file)).isEqualTo("llama-log");

    List<BenchResult> rows = Import.read(file);

    BenchResult ngl8 = row(rows, "llama-3.2-1b-Q4_K_M c=4096 ctk=f16 ngl=8 np=1", "CUDA0 (H200)");
    assertThat(ngl8.flags()).containsEntry("n_gpu_layers", "8").containsEntry("n_parallel", "1");
    // -ngl 8 of the 16-layer 1B: 7 repeating layers' KV (8 MiB each) on the GPU
    assertThat(ngl8.extra()).containsEntry("buffer.context.CUDA0_mib", "56.0");
    assertThat(rows).allMatch(BenchResult::ok);
  }

  @Test
  void aServerLogGivesTheBreakdownItPrintedAtItsCleanExit() {
    // real llama-server (CPU build): its --fit probe states zeros, then the real buffers
    List<BenchResult> rows = Import.read(MEMORY.resolve("cpu-server.log"));

    assertThat(rows).hasSize(1);
    BenchResult host = rows.get(0);
    assertThat(host.model()).isEqualTo("cpu-server");
    assertThat(host.backend()).isEqualTo("CPU");
    assertThat(host.extra())
        .containsEntry("memory_self_mib", "9")
        .containsEntry("memory_model_mib", "1")
        .containsEntry("memory_context_mib", "2")
        .containsEntry("memory_compute_mib", "6")
        .containsEntry("buffer.model.CPU_Mapped_mib", "1.47")
        .containsEntry("buffer.context.CPU_mib", "2.0")
        .containsEntry("buffer.compute.CPU_mib", "6.0117"); // ~llama_context at exit
  }

  @Test
  void aRunWhoseAllocationFailedIsAnOomRowNamingTheLineNotAMeasurement() {
    // real llama-completion -c 1000000000 on the CPU build: std::bad_alloc, exit 1
    List<BenchResult> rows = Import.read(MEMORY.resolve("cpu-completion-oom.log"));

    assertThat(rows).isNotEmpty().allMatch(r -> r.status() == Status.OOM);
    assertThat(rows.get(0).reason())
        .contains("llama_init_from_model: failed to initialize the context: std::bad_alloc");
  }

  @Test
  void aMatrixRunThatExitedNonZeroIsFailedWithItsExitLine() throws IOException {
    Path log = Files.copy(MEMORY.resolve("cpu-completion.log"), tmp.resolve("run.log"));
    Files.writeString(log, "\n# exit: 139\n", java.nio.file.StandardOpenOption.APPEND);

    List<BenchResult> rows = Import.read(log);

    assertThat(rows).isNotEmpty().allMatch(r -> r.status() == Status.FAILED);
    assertThat(rows.get(0).reason()).isEqualTo("# exit: 139");
  }

  @Test
  void aMemoryLineThatDoesNotReadIsAnErrorAtItsLine() throws IOException {
    // the generated text is not UTF-8: edit the log byte for byte
    var latin1 = java.nio.charset.StandardCharsets.ISO_8859_1;
    List<String> lines = Files.readAllLines(MEMORY.resolve("cpu-completion.log"), latin1);
    int at =
        lines.indexOf(
            lines.stream().filter(l -> l.contains("KV buffer size =     2.00")).findFirst().get());
    lines.set(at, "0.00.052.938 I llama_kv_cache:        CPU KV buffer size =     two MiB");
    Path log = Files.write(tmp.resolve("bad.log"), lines, latin1);

    assertThatThrownBy(() -> Import.read(log))
        .isInstanceOf(MemoryLogException.class)
        .hasMessageContaining(log + ":" + (at + 1) + ": cannot read this llama_kv_cache line");
  }
}
