package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.report.chart.BarChart;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's text bar charts: one head-to-head decode chart per summary model, then llama.cpp's
 * decode speed over every model; and how the published, hand-drawn bars differ from the rule.
 */
final class ReportBars {
  private final DataFolder data;

  ReportBars(DataFolder data) {
    this.data = data;
  }

  /** A chart's bars before drawing: each bar's label and the row it shows. */
  private record Spec(String key, String title, List<Labelled> bars) {}

  private record Labelled(String label, BenchResult row) {}

  List<TextBars> all() {
    List<TextBars> out = new ArrayList<>();
    for (Spec s : specs()) {
      List<TextBars.Bar> bars =
          s.bars().stream()
              .map(b -> new TextBars.Bar(b.label(), b.row().tokensPerSMean()))
              .toList();
      out.add(TextBars.of(s.key(), s.title(), "tok/s", bars));
    }
    return out;
  }

  private static String fa(BenchResult r) {
    return r.flashAttn() == FlashAttention.ON ? " +FA" : "";
  }

  /** The same charts drawn: colour per framework, FA hatched, ± one standard deviation. */
  List<ReportChart> charts() {
    List<ReportChart> out = new ArrayList<>();
    for (Spec s : specs()) {
      List<BarChart.Bar> bars = s.bars().stream().map(b -> bar(b.label(), b.row())).toList();
      BarChart chart = BarChart.of(s.key(), s.title(), "decode (tok/s)", bars);
      out.add(new ReportChart(chart, caption(s)));
    }
    return out;
  }

  private static BarChart.Bar bar(String label, BenchResult r) {
    double sd = r.tokensPerSStddev();
    return new BarChart.Bar(
        label,
        r.tokensPerSMean(),
        Double.isNaN(sd) ? Double.NaN : sd,
        r.framework(),
        r.flashAttn() == FlashAttention.ON);
  }

  private static String caption(Spec s) {
    // the test names are each framework's own (llama-bench's tg128, tinygrad's decode)
    List<String> tests =
        s.bars().stream().map(b -> b.row().framework() + " " + b.row().test()).distinct().toList();
    boolean errors = s.bars().stream().anyMatch(b -> !Double.isNaN(b.row().tokensPerSStddev()));
    return "Decode tok/s, one bar per row ("
        + String.join(", ", tests)
        + "); colour: framework; hatched: flash attention on"
        + (errors ? "; whiskers: ± one standard deviation where the source gives one." : ".");
  }

  private List<Spec> specs() {
    List<Spec> out = new ArrayList<>();
    for (ModelEntry m : data.models()) {
      Spec h = m.inSummary() ? headToHead(m) : null;
      if (h != null && !h.bars().isEmpty()) out.add(h);
    }
    List<BenchResult> decode =
        data.merged().stream()
            .filter(r -> r.framework().equals("llama.cpp") && Labels.decode(r))
            .toList();
    List<String> labels = Labels.distinct(decode, r -> Labels.chartLabel(data, r) + fa(r));
    List<Labelled> llama = new ArrayList<>();
    for (int i = 0; i < decode.size(); i++) llama.add(new Labelled(labels.get(i), decode.get(i)));
    if (!llama.isEmpty())
      out.add(fastest("llama-cpp-decode", "llama.cpp — All Models Decode Speed", llama));
    return out;
  }

  /**
   * A chart of at most {@link PageBounds#BARS} bars: a fleet's folder has thousands of
   * configurations, so beyond that the fastest ones, and the title says of how many (every one is
   * in the llama.cpp table).
   */
  private static Spec fastest(String key, String title, List<Labelled> bars) {
    if (bars.size() <= PageBounds.BARS) return new Spec(key, title, bars);
    List<Labelled> top =
        bars.stream()
            .sorted(
                java.util.Comparator.comparingDouble((Labelled b) -> b.row().tokensPerSMean())
                    .reversed())
            .limit(PageBounds.BARS)
            .toList();
    String of = " (the " + PageBounds.BARS + " fastest of " + PageBounds.count(bars.size()) + ")";
    return new Spec(key, title + of, top);
  }

  private Spec headToHead(ModelEntry m) {
    List<BenchResult> decode =
        data.merged().stream().filter(r -> Labels.decode(r) && m.is(r.model(), r.quant())).toList();
    List<String> labels = Labels.distinct(decode, Labels::framework);
    List<Labelled> bars = new ArrayList<>();
    for (int i = 0; i < decode.size(); i++) {
      bars.add(new Labelled(labels.get(i), decode.get(i)));
    }
    String key =
        "decode-" + m.tableLabel().toLowerCase(Locale.ROOT).replace("_", "").replace(' ', '-');
    return fastest(key, m.displayName() + " " + m.quant() + " — Decode Speed", bars);
  }

  /** Each published bar: its value, drawn length and floor(value × 8), in eighths. */
  ReportTable deviations() {
    List<List<Entry>> rows = new ArrayList<>();
    for (DrawnBar b : data.drawnBars()) {
      rows.add(
          List.of(
              Entry.text(b.chart()),
              Entry.text(b.label()),
              Entry.number(fixed(b.value(), 2), b.value()),
              Entry.number(Integer.toString(b.drawnEighths()), b.drawnEighths()),
              Entry.number(Integer.toString(b.ruleEighths()), b.ruleEighths()),
              deviation(b)));
    }
    List<String> headers =
        List.of("Chart", "Label", "tok/s", "Drawn (eighths)", "floor(value×8)", "Deviation");
    return new ReportTable(
        "bar-deviations",
        "Published bars against floor(value × 8) eighths",
        headers,
        rows,
        "Deviation is drawn minus rule in eighths of a block; bold where the bar was not drawn by"
            + " the rule.");
  }

  private static Entry deviation(DrawnBar b) {
    int d = b.deviation();
    Entry c = Entry.number((d > 0 ? "+" : "") + d, d);
    return d == 0 ? c : c.inBold();
  }
}
