package dev.tokbench.report;

import dev.tokbench.bandwidth.Bandwidth;
import dev.tokbench.bandwidth.ByteUnit;
import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.results.BenchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart versions of the report's charts: bar charts of the text bars, and the decode ceiling
 * (tok/s against model size, with a line per bandwidth). Written as PNG and SVG, headless.
 */
public final class Charts {
  private Charts() {}

  /** A bar chart of {@code bars}, values labelled, the axis titled with the unit. */
  public static CategoryChart bars(TextBars bars) {
    CategoryChart c =
        new CategoryChartBuilder()
            .width(900)
            .height(500)
            .title(bars.title())
            .yAxisTitle("decode speed (" + bars.unit() + ")")
            .build();
    c.getStyler().setLegendVisible(false);
    c.getStyler().setLabelsVisible(true);
    c.getStyler().setDecimalPattern("0.00");
    c.getStyler().setXAxisLabelRotation(20);
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    c.addSeries(
        bars.unit(),
        bars.bars().stream().map(TextBars.Bar::label).toList(),
        bars.bars().stream().map(TextBars.Bar::value).toList());
    return c;
  }

  /**
   * Decode tok/s against the bytes each token reads, one point per measured decode row of each
   * folder, and for each folder's device the ceiling bandwidth ÷ model size at its theoretical and
   * (when known) practical bandwidth. The tok/s axis is logarithmic so a Jetson and an H100 fit.
   */
  public static XYChart decodeCeiling(List<DataFolder> folders) {
    XYChart c =
        new XYChartBuilder()
            .width(900)
            .height(600)
            .title("Decode speed against model size, with bandwidth ceilings")
            .xAxisTitle("model size (GB, 1e9 bytes, read once per token)")
            .yAxisTitle("decode (tok/s, log scale)")
            .build();
    c.getStyler().setYAxisLogarithmic(true);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    for (DataFolder f : folders) {
      addCeilings(c, f);
      addPoints(c, f);
    }
    return c;
  }

  private static void addCeilings(XYChart c, DataFolder f) {
    addCeiling(c, f.device().device().name() + " theoretical", f.device().theoretical());
    f.device()
        .practicalBandwidth()
        .ifPresent(p -> addCeiling(c, f.device().device().name() + " practical", p));
  }

  private static void addCeiling(XYChart c, String name, Bandwidth bw) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (double gb = 0.5; gb <= 3.0001; gb += 0.125) {
      x.add(gb);
      y.add(bw.tokensPerSCeiling(Bytes.gb(gb)));
    }
    XYSeries s = c.addSeries(name + " " + bw + " ceiling", x, y);
    s.setMarker(SeriesMarkers.NONE);
  }

  /** One scatter series per framework of the folder. */
  private static void addPoints(XYChart c, DataFolder f) {
    for (String framework : f.measured().stream().map(BenchResult::framework).distinct().toList()) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (BenchResult r : f.measured()) {
        Bytes w = Labels.weights(f, r);
        if (Labels.decode(r) && w != null && r.framework().equals(framework)) {
          x.add(w.in(ByteUnit.GB));
          y.add(r.tokensPerSMean());
        }
      }
      if (x.isEmpty()) continue;
      XYSeries s = c.addSeries(f.device().device().name() + " " + framework + " decode", x, y);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }
  }

  /** Writes {@code chart} as {@code dir/name.png} and {@code dir/name.svg}. */
  public static void write(Chart<?, ?> chart, Path dir, String name) {
    // XChart draws through AWT; without a display it needs headless mode set before AWT loads
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    try {
      Files.createDirectories(dir);
      BitmapEncoder.saveBitmap(
          chart, dir.resolve(name + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, dir.resolve(name).toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + name + " to " + dir, e);
    }
  }
}
