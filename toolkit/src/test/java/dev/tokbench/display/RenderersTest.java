package dev.tokbench.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RenderersTest {
  private final Renderers renderers = Renderers.standard();

  record Speed(String model, double tokensPerS) {}

  @Test
  void tableBecomesEscapedHtmlAndTablesawText() {
    Table t =
        Table.create(
            "runs",
            StringColumn.create("model", "a<b", "c"),
            DoubleColumn.create("tok/s", 1.5, 20));
    MimeBundle b = renderers.render(t);
    assertThat(b.data()).containsKeys(MimeBundle.TEXT, MimeBundle.HTML);
    assertThat(b.get(MimeBundle.HTML))
        .contains("<caption>runs</caption>")
        .contains("<th>tok/s</th>")
        .contains("<td>a&lt;b</td>")
        .contains("<td style=\"text-align:right\">1.5</td>");
    assertThat(b.plain()).contains("runs").contains("a<b");
  }

  @Test
  void chartBecomesTheSamePngEveryTime() {
    XYChart chart = new XYChartBuilder().width(300).height(200).title("decode").build();
    chart.addSeries("tok/s", new double[] {1, 2, 3}, new double[] {10, 20, 15});
    MimeBundle first = renderers.render(chart);
    byte[] png = Base64.getDecoder().decode(first.get(MimeBundle.PNG));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(renderers.render(chart).get(MimeBundle.PNG)).isEqualTo(first.get(MimeBundle.PNG));
    assertThat(first.plain()).isEqualTo("XYChart 'decode' (300x200, 1 series)");
  }

  @Test
  void chartAsSvgOnRequest() {
    XYChart chart = new XYChartBuilder().width(300).height(200).build();
    chart.addSeries("s", new double[] {1, 2}, new double[] {3, 4});
    assertThat(Display.svg(chart).get(MimeBundle.SVG)).contains("<svg");
  }

  @Test
  void recordBecomesAComponentTable() {
    MimeBundle b = renderers.render(new Speed("llama", 42.0));
    assertThat(b.get(MimeBundle.HTML))
        .contains("<caption>Speed</caption>")
        .contains("<th style=\"text-align:left\">tokensPerS</th><td>42</td>");
  }

  @Test
  void listOfRecordsBecomesOneRowPerRecord() {
    MimeBundle b = renderers.render(List.of(new Speed("a", 1.25), new Speed("b", Double.NaN)));
    assertThat(b.get(MimeBundle.HTML))
        .contains("<th>model</th><th>tokensPerS</th>")
        .contains("<tr><td>a</td><td>1.25</td></tr>")
        .contains("<tr><td>b</td><td></td></tr>");
  }

  @Test
  void userRendererWinsOverTheGenericOne() {
    renderers.register(Speed.class, s -> MimeBundle.text(s.model() + " @ " + s.tokensPerS()));
    assertThat(renderers.render(new Speed("x", 2)).data()).containsOnlyKeys(MimeBundle.TEXT);
    assertThat(renderers.render(new Speed("x", 2)).plain()).isEqualTo("x @ 2.0");
  }

  @Test
  void markdownAndPlainValues() {
    assertThat(renderers.render(Markdown.of("# T")).get(MimeBundle.MARKDOWN)).isEqualTo("# T");
    assertThat(renderers.render(12).data()).containsOnlyKeys(MimeBundle.TEXT);
    assertThat(renderers.render(null).plain()).isEqualTo("null");
  }

  /** A type that renders itself, as the toolkit's report tables do. */
  public static final class Shows {
    public String html() {
      return "<b>x</b>";
    }

    @Override
    public String toString() {
      return "x";
    }
  }

  @Test
  void valueWithItsOwnHtmlIsShownThatWay() {
    MimeBundle b = renderers.render(new Shows());
    assertThat(b.get(MimeBundle.HTML)).isEqualTo("<b>x</b>");
    assertThat(b.plain()).isEqualTo("x");
  }
}
