package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tokbench.report.chart.XyChart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decode against context depth from the H200's llama-bench {@code -d 0,4096,16384,32768} run (the
 * shared fixtures' depth.jsonl, copied as it came): a measured series per model and the roofline's
 * prediction from the model's KV shape.
 */
class DepthChartTest {
  @TempDir Path folder;

  @Test
  void eachModelMeasuredAtSeveralDepthsGetsItsPointsAndThePrediction() throws IOException {
    Report h200 = Report.from(h200Folder());
    ReportChart chart = h200.chart(DepthChart.ID);
    List<XyChart.Series> series = ((XyChart) chart.figure()).series();
    assertThat(series)
        .extracting(XyChart.Series::name)
        .containsExactly(
            "llama-3.2-1b Q4_K_M · llama.cpp +FA",
            "predicted: llama-3.2-1b Q4_K_M, KV 32.77 kB/token",
            "llama-3.1-8b Q4_K_M · llama.cpp +FA",
            "predicted: llama-3.1-8b Q4_K_M, KV 0.13 MB/token");
    // the rows as llama-bench printed them: avg_ts at each n_depth
    assertThat(series.get(0).points())
        .extracting(XyChart.Point::x, XyChart.Point::y)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0.0, 880.780204),
            org.assertj.core.groups.Tuple.tuple(4096.0, 823.972321),
            org.assertj.core.groups.Tuple.tuple(16384.0, 671.518724),
            org.assertj.core.groups.Tuple.tuple(32768.0, 557.383828));
    // LLaMA-3.2-1B: 16 layers × 8 KV heads × 64 × (K + V) × 2 bytes (f16) = 32768 bytes a token
    XyChart.Point last = series.get(1).points().get(series.get(1).points().size() - 1);
    assertThat(last.x()).isEqualTo(32768);
    double weights = 799862912;
    assertThat(last.y())
        .isCloseTo(880.780204 * weights / (weights + 32768.0 * 32768), within(1e-6));
    assertThat(chart.caption()).contains("weights ÷ (weights + depth × KV bytes per token)");
    Path out = folder.resolve("out");
    h200.writeTo(out);
    assertThat(Files.readString(out.resolve("REPORT.md")))
        .contains("![Decode speed against context depth](charts/decode-depth.svg)");
  }

  @Test
  void aFolderWithoutDepthRunsHasNoDepthChart() {
    assertThat(Report.from(TestData.orin()).charts())
        .extracting(ReportChart::id)
        .doesNotContain(DepthChart.ID);
  }

  private Path h200Folder() throws IOException {
    Path runs = Files.createDirectories(folder.resolve("h200/runs"));
    try (InputStream in = getClass().getResourceAsStream("h200-depth.jsonl")) {
      Files.copy(in, runs.resolve("depth.jsonl"));
    }
    Files.writeString(
        folder.resolve("h200/device.csv"),
        "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
            + "NVIDIA H200 141GB,,,catalogue\n");
    return folder.resolve("h200");
  }
}
