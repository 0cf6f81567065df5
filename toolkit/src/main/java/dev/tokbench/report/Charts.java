package dev.tokbench.report;

import dev.tokbench.report.chart.XyChart;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's drawn charts ({@link dev.tokbench.report.chart}): the head-to-head and llama.cpp
 * decode bars, the decode roofline, and where the data have them, decode against context depth and
 * the serving charts ({@link ServeCharts}). Each is a {@link ReportChart}: a figure and its
 * caption.
 */
public final class Charts {
  private Charts() {}

  /** Every chart the folder's data allow, in the report's order. */
  static List<ReportChart> of(DataFolder data) {
    List<ReportChart> out = new ArrayList<>(new ReportBars(data).charts());
    List<dev.tokbench.results.BenchResult> points = ceilingPoints(data);
    if (!points.isEmpty()) out.add(ceiling(List.of(data), points.size()));
    DepthChart.of(data).ifPresent(out::add);
    out.addAll(ServeCharts.of(data));
    EnergyChart.of(data).ifPresent(out::add);
    out.addAll(ParallelChart.of(data));
    return out;
  }

  /**
   * Decode tok/s against the bytes each token reads for every folder, with each device's ceilings
   * over the range of the data: {@code Charts.decodeCeiling(List.of(orin.data(), h100.data()))}.
   */
  public static XyChart decodeCeiling(List<DataFolder> folders) {
    return CeilingChart.of(folders);
  }

  private static ReportChart ceiling(List<DataFolder> folders, int rows) {
    // a fleet's folder has hundreds of thousands of decode rows: the chart draws the first ones
    String unlabelled =
        rows <= PageBounds.LABELLED_POINTS
            ? ""
            : " Points are not labelled: a folder of more than "
                + PageBounds.LABELLED_POINTS
                + " decode configurations would bury them under their labels.";
    String drawn =
        rows <= PageBounds.POINTS
            ? unlabelled
            : unlabelled
                + " Drawn: the first "
                + PageBounds.POINTS
                + " of "
                + PageBounds.count(rows)
                + " decode configurations; every one is in the bandwidth tables and results.csv.";
    return new ReportChart(
        CeilingChart.of(folders),
        "Decode tok/s against the weights each token reads, log on both axes; lines: bandwidth"
            + " ÷ bytes per token at the theoretical (solid) and practical (dashed) bandwidth, over"
            + " the range of the data. Sizes from the model inventory, else llama-bench's"
            + " model_size of the same model and quantization."
            + drawn);
  }

  private static List<dev.tokbench.results.BenchResult> ceilingPoints(DataFolder data) {
    return data.measuredConfigurations().stream()
        .filter(r -> Labels.decode(r) && Labels.weights(data, r) != null)
        .toList();
  }
}
