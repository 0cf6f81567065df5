package dev.tokbench.report;

import dev.tokbench.report.chart.Figure;

/**
 * One chart of the report: the drawing and the caption that says what it shows and where its
 * figures come from. Written as {@code charts/ID.svg} and {@code charts/ID.png}, embedded in {@code
 * REPORT.md} as {@code ![caption](charts/ID.svg)} and inline in {@code index.html}.
 *
 * @param figure the chart
 * @param caption one or two sentences under it
 */
public record ReportChart(Figure figure, String caption) {
  /** Its id, e.g. {@code decode-ceiling}. */
  public String id() {
    return figure.id();
  }

  /** The chart as inline SVG with its caption under it, which notebooks display. */
  public String html() {
    return "<figure>\n"
        + figure.svg()
        + "\n<figcaption>"
        + HtmlTable.escape(caption)
        + "</figcaption>\n</figure>";
  }

  @Override
  public String toString() {
    return id() + ": " + caption;
  }
}
