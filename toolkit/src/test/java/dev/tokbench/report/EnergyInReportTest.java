package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder whose rows carry energy (the H200's `tokbench run llama-bench --energy nvml` rows,
 * energy/h200-2026-12-01/run-energy.jsonl) gets an energy table and a tokens/s-against-watts chart
 * in its report, each figure the row's own; a folder without energy gets neither.
 */
class EnergyInReportTest {
  private static final Path ENERGY =
      Path.of("src/test/resources/energy/h200-2026-12-01/run-energy.jsonl");
  @TempDir Path dir;

  private Report h200WithEnergy() throws Exception {
    Path runs = Files.createDirectories(dir.resolve("runs"));
    Files.copy(ENERGY, runs.resolve("energy.jsonl"));
    Files.copy(Path.of("../data/h200-2026-12-01/device.csv"), dir.resolve("device.csv"));
    return Report.from(dir);
  }

  @Test
  void everyRowWithEnergyIsARowOfTheTableWithItsOwnFigures() throws Exception {
    Report r = h200WithEnergy();
    List<BenchResult> rows = ResultsFile.read(ENERGY);

    ReportTable t = r.table(EnergyTable.NAME);

    assertThat(t.rows()).hasSize(rows.size()).hasSize(4);
    for (int i = 0; i < rows.size(); i++) {
      BenchResult row = rows.get(i);
      List<Entry> cells = t.rows().get(i);
      assertThat(cells.get(0).text()).contains(row.test());
      double jPerTok = Double.parseDouble(row.extra().get("j_per_tok"));
      assertThat(cells.get(4).number()).isEqualTo(jPerTok);
      assertThat(cells.get(2).number()).isEqualTo(Double.parseDouble(row.extra().get("mean_w")));
      assertThat(cells.get(7).text()).isEqualTo("nvml");
      assertThat(cells.get(8).text()).isEqualTo(row.extra().get("energy_flag"));
    }
    assertThat(r.markdown()).contains("Energy per token").contains("Throughput against power");
  }

  @Test
  void theChartHasOnePointPerConfigurationAndDrawsAsSvgAndPng() throws Exception {
    ReportChart c = h200WithEnergy().chart(EnergyChart.ID);

    c.figure().writeTo(dir.resolve("charts"));

    assertThat(dir.resolve("charts/" + EnergyChart.ID + ".png")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("charts/" + EnergyChart.ID + ".svg")))
        .contains("mean power (W)")
        .contains("tg128");
  }

  @Test
  void aFolderWithoutEnergyHasNeither() {
    Report orin = Report.from(Path.of("../data/jetson-orin-agx-2025-07-17"));

    assertThat(orin.tableNames()).doesNotContain(EnergyTable.NAME);
    assertThat(orin.charts()).extracting(ReportChart::id).doesNotContain(EnergyChart.ID);
  }
}
