package dev.tokbench.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Horizontal bars, longest first as in the report's text charts: one colour per framework,
 * flash-attention bars hatched, the standard deviation as an error bar where there are repetitions,
 * and each value written at the end of its bar. The value axis starts at zero and leaves room for
 * the labels.
 *
 * <pre>{@code
 * BarChart.of("decode-1b-q6k", "LLaMA 3.2 1B Instruct Q6_K — Decode Speed", "decode (tok/s)",
 *     List.of(new BarChart.Bar("llama.cpp +FA", 27.80, 0.04, "llama.cpp", true))).svg()
 * }</pre>
 */
public final class BarChart extends Figure {
  /**
   * One bar.
   *
   * @param label the text before it
   * @param value its length, finite and at least 0
   * @param error the standard deviation, NaN when there is none
   * @param framework whose colour it takes
   * @param flashAttention hatched when true
   */
  public record Bar(
      String label, double value, double error, String framework, boolean flashAttention) {
    public Bar {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(label + ": a bar needs a value >= 0, got " + value);
      }
    }

    String valueText(int decimals) {
      String v = Scale.format(value, decimals);
      return Double.isNaN(error) ? v : v + " ± " + Scale.format(error, decimals);
    }

    double end() {
      return value + (Double.isNaN(error) ? 0 : error);
    }
  }

  private static final double WIDTH = 900;
  private static final double BAR = 22;
  private static final double GAP = 10;
  private static final double RIGHT = 24;
  private static final Canvas.Font LABEL = Canvas.Font.plain(13);
  private static final Canvas.Font VALUE = Canvas.Font.plain(12);

  private final String axisTitle;
  private final List<Bar> bars;
  private final int decimals;
  private final double left; // measured once: every bar's label is placed against it

  private BarChart(String id, String title, String axisTitle, List<Bar> bars, int decimals) {
    super(id, title);
    this.axisTitle = axisTitle;
    this.bars =
        bars.stream().sorted(java.util.Comparator.comparingDouble(Bar::value).reversed()).toList();
    this.decimals = decimals;
    if (this.bars.isEmpty()) throw new IllegalArgumentException(id + ": a bar chart needs bars");
    this.left = this.bars.stream().mapToDouble(b -> LABEL.width(b.label())).max().orElse(0) + 28;
  }

  /** Bars with values to two decimals, as the report prints tok/s. */
  public static BarChart of(String id, String title, String axisTitle, List<Bar> bars) {
    return new BarChart(id, title, axisTitle, bars, 2);
  }

  /** The bars, longest first. */
  public List<Bar> bars() {
    return bars;
  }

  @Override
  public double width() {
    return WIDTH;
  }

  @Override
  public double height() {
    return top() + bars.size() * (BAR + GAP) + 56;
  }

  private double top() {
    return legend().isEmpty() ? 48 : 72;
  }

  private double left() {
    return left;
  }

  @Override
  void draw(Canvas c) {
    c.text(WIDTH / 2, 26, title(), Canvas.Font.plain(16).inBold().anchored(Canvas.Anchor.MIDDLE));
    drawLegend(c);
    double x0 = left();
    double plotRight = WIDTH - RIGHT;
    Scale s = new Scale(Axis.fromZero(axisTitle, range(plotRight - x0)), x0, plotRight);
    double y0 = top();
    double y1 = y0 + bars.size() * (BAR + GAP);
    for (Scale.Tick t : s.ticks()) {
      double x = s.at(t.value());
      c.line(x, y0 - 4, x, y1, Ink.line(t.value() == 0 ? Palette.AXIS : Palette.GRID, 1));
      c.text(x, y1 + 16, t.label(), VALUE.coloured(Palette.MUTED).anchored(Canvas.Anchor.MIDDLE));
    }
    c.text((x0 + plotRight) / 2, y1 + 40, axisTitle, LABEL.anchored(Canvas.Anchor.MIDDLE));
    for (int i = 0; i < bars.size(); i++)
      drawBar(c, s, bars.get(i), y0 + i * (BAR + GAP) + GAP / 2);
  }

  private void drawBar(Canvas c, Scale s, Bar b, double y) {
    Ink ink = Ink.fill(Palette.of(b.framework()));
    if (b.flashAttention()) ink = ink.hatch().outlined(Palette.of(b.framework()), 1);
    c.beginGroup(b.label() + ": " + b.valueText(decimals));
    c.text(left() - 10, y + BAR / 2 + 4.5, b.label(), LABEL.anchored(Canvas.Anchor.END));
    double x0 = s.at(0);
    c.rect(x0, y, Math.max(0.5, s.at(b.value()) - x0), BAR, ink);
    double end = s.at(b.value());
    if (!Double.isNaN(b.error()) && b.error() > 0) {
      double lo = s.at(Math.max(0, b.value() - b.error()));
      end = s.at(b.end());
      Ink whisker = Ink.line(Palette.TEXT, 1.2);
      c.line(lo, y + BAR / 2, end, y + BAR / 2, whisker);
      c.line(lo, y + BAR / 2 - 5, lo, y + BAR / 2 + 5, whisker);
      c.line(end, y + BAR / 2 - 5, end, y + BAR / 2 + 5, whisker);
    }
    c.text(end + 6, y + BAR / 2 + 4.5, b.valueText(decimals), VALUE);
    c.endGroup();
  }

  /** The axis' upper end: every bar, its error bar and its value label fit inside the plot. */
  private double range(double plot) {
    double range = 0;
    for (Bar b : bars) {
      double room = plot - 10 - VALUE.width(b.valueText(decimals));
      range = Math.max(range, b.end() * plot / Math.max(room, plot / 4));
    }
    return range > 0 ? range : 1;
  }

  /** One swatch per framework, and a hatched one for flash attention when some bar has it. */
  private List<LegendEntry> legend() {
    Set<String> frameworks = new LinkedHashSet<>();
    bars.forEach(b -> frameworks.add(b.framework()));
    List<LegendEntry> out = new ArrayList<>();
    boolean fa = bars.stream().anyMatch(Bar::flashAttention);
    if (frameworks.size() < 2 && !fa) return out;
    for (String f : frameworks) out.add(new LegendEntry(f, Ink.fill(Palette.of(f))));
    if (fa) {
      java.awt.Color c = Palette.MUTED;
      out.add(new LegendEntry("flash attention on", Ink.fill(c).hatch().outlined(c, 1)));
    }
    return out;
  }

  private void drawLegend(Canvas c) {
    List<LegendEntry> entries = legend();
    double width = 0;
    for (LegendEntry e : entries) width += 26 + LABEL.width(e.label()) + 18;
    double x = (WIDTH - width) / 2;
    for (LegendEntry e : entries) {
      c.rect(x, 42, 18, 12, e.ink());
      c.text(x + 24, 52.5, e.label(), LABEL);
      x += 26 + LABEL.width(e.label()) + 18;
    }
  }

  private record LegendEntry(String label, Ink ink) {}
}
