package dev.tokbench.report;

import dev.tokbench.display.MimeBundle;
import dev.tokbench.display.RendererProvider;
import dev.tokbench.display.Renderers;
import dev.tokbench.report.chart.Figure;

/**
 * Shows report values in notebooks: a {@link ReportTable} as HTML (with Markdown and plain text
 * beside it), {@link TextBars} as the text chart, a chart as SVG (text, so committed notebooks do
 * not churn with the fonts of the machine that ran them), a {@link ReportChart} with its caption, a
 * {@link Report} as its summary line. Found through {@code
 * META-INF/services/dev.tokbench.display.RendererProvider}.
 */
public final class ReportRenderers implements RendererProvider {
  @Override
  public void registerInto(Renderers renderers) {
    renderers.register(
        ReportTable.class,
        t ->
            MimeBundle.text(t.toString())
                .with(MimeBundle.HTML, t.html())
                .with(MimeBundle.MARKDOWN, "### " + t.title() + "\n\n" + t.markdown()));
    renderers.register(
        TextBars.class, b -> MimeBundle.text(b.toString()).with(MimeBundle.MARKDOWN, b.markdown()));
    renderers.register(
        Figure.class, f -> MimeBundle.text(f.toString()).with(MimeBundle.SVG, f.svg()));
    renderers.register(
        ReportChart.class,
        c ->
            MimeBundle.text(c.toString())
                .with(MimeBundle.SVG, c.figure().svg())
                .with(MimeBundle.HTML, c.html()));
    renderers.register(Report.class, r -> MimeBundle.text(r.toString()));
  }
}
