package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.memory.Memory;
import dev.tokbench.memory.MemoryComparison;
import dev.tokbench.memory.MemoryLog;
import dev.tokbench.memory.MemoryPlan;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Memory plans and their errors as Tablesaw tables, for notebooks. */
class MemoryTablesTest {
  @Test
  void aPlanIsOneRowPerDeviceTheGpuFirst() {
    MemoryPlan p = Memory.shape("llama-3.2-1b", "Q4_K_M").ctx(4096).plan();

    Table t = MemoryTables.devices(p);

    assertThat(t.columnNames())
        .containsExactly("device", "model_mib", "kv_mib", "compute_mib", "output_mib", "total_mib");
    assertThat(t.stringColumn("device").asList()).containsExactly("CUDA0", "Host");
    assertThat(t.doubleColumn("total_mib").get(0)).isEqualTo(1145.31);
    assertThat(MemoryTables.buffers(p).rowCount()).isEqualTo(p.buffers().size());
  }

  @Test
  void theErrorTableHasARowPerConfigurationDeviceAndComponent() throws URISyntaxException {
    Path log = Path.of(getClass().getResource("/memory/h200-memory-breakdown.txt").toURI());

    Table t = MemoryTables.errors(MemoryComparison.of(MemoryLog.read(log)));

    assertThat(t.rowCount()).isEqualTo(96);
    assertThat(t.booleanColumn("within_target").asList()).containsOnly(true);
  }
}
