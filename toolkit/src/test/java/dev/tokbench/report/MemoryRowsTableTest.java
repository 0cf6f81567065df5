package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MemoryRow;
import dev.tokbench.results.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * llama.cpp logs in a data folder's {@code runs/} beside llama-bench's rows: a memory table in the
 * report, every memory row in one of its cells, the speed tables as before.
 */
class MemoryRowsTableTest {
  private static final Path MEMORY = Path.of("src/test/resources/memory");

  @TempDir Path dir;

  @Test
  void aServerLogAndAMatrixLogBesideSpeedRowsGiveAMemoryTableAndEveryRowACell() {
    Path folder =
        Folders.of(
            dir.resolve("f"),
            "NVIDIA H200",
            MEMORY.resolve("h200-memory-breakdown.txt"),
            MEMORY.resolve("cpu-server.log"),
            Folders.fixture("llama-bench/cpu-tiny.json"));
    Report r = Report.from(folder);

    List<BenchResult> memory = r.results().stream().filter(MemoryRow::is).toList();
    List<BenchResult> speed = r.results().stream().filter(x -> !MemoryRow.is(x)).toList();
    assertThat(memory).isNotEmpty();
    assertThat(speed).hasSize(8); // cpu-tiny.json's rows, unchanged
    ReportTable t = r.table("memory");
    assertThat(t.rows()).hasSameSizeAs(memory);
    assertThat(r.placements()).allMatch(Placement::shown);
    assertThat(r.tableNames()).doesNotContain("not-shown");
    assertThat(r.placements().stream().filter(p -> MemoryRow.is(p.row())))
        .allMatch(p -> p.table().equals("memory"));
    // | - CUDA0 (H200) | 143155 = 141411 + (1145 = 762 + 128 + 254) + 599 |, at exit
    List<List<String>> cells =
        t.rows().stream().map(row -> row.stream().map(Entry::plain).toList()).toList();
    // files in path order: runs/cpu-server.log first
    assertThat(cells.get(0))
        .containsExactly(
            "cpu-server", "", "Host", "1", "2", "6", "9", "—", "—", "runs/cpu-server.log");
    assertThat(cells.get(1))
        .containsExactly(
            "llama-3.2-1b Q4_K_M",
            "n_ctx=4096 type_k=f16",
            "CUDA0 (H200)",
            "762",
            "128",
            "254",
            "1145",
            "141411",
            "599",
            "runs/h200-memory-breakdown.txt");
    assertThat(r.markdown()).contains("Measured memory (llama.cpp's own breakdown)");
  }

  @Test
  void aRunThatRanOutOfMemoryIsNotShownAsAMeasurementButSaysWhy() {
    Path folder =
        Folders.of(dir.resolve("g"), "NVIDIA H200", MEMORY.resolve("cpu-completion-oom.log"));
    Report r = Report.from(folder);

    assertThat(r.tableNames()).doesNotContain("memory").contains("not-shown");
    assertThat(r.placements())
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.row().status()).isEqualTo(Status.OOM);
              assertThat(p.shown()).isFalse();
              assertThat(p.reason()).startsWith("oom: ").contains("std::bad_alloc");
            });
  }
}
