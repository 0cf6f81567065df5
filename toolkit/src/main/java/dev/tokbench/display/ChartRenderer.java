package dev.tokbench.display;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Renders an XChart chart headless as {@code image/png} (the same bytes for the same chart on the
 * same machine, so committed notebooks do not churn). {@link #svg} adds {@code image/svg+xml} on
 * request: notebooks would double in size if every chart carried both.
 */
final class ChartRenderer implements Renderer<Chart<?, ?>> {

  @Override
  public MimeBundle render(Chart<?, ?> chart) {
    return MimeBundle.text(describe(chart)).with(MimeBundle.PNG, png(chart));
  }

  static MimeBundle svg(Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw " + describe(chart) + " as SVG", e);
    }
    return MimeBundle.text(describe(chart))
        .with(MimeBundle.SVG, out.toString(StandardCharsets.UTF_8));
  }

  static String png(Chart<?, ?> chart) {
    try {
      byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      return Base64.getEncoder().encodeToString(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw " + describe(chart) + " as PNG", e);
    }
  }

  static String describe(Chart<?, ?> chart) {
    String title =
        chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " '" + chart.getTitle() + "'";
    return chart.getClass().getSimpleName()
        + title
        + " ("
        + chart.getWidth()
        + "x"
        + chart.getHeight()
        + ", "
        + chart.getSeriesMap().size()
        + " series)";
  }
}
