package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

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

  List<TextBars> all() {
    List<TextBars> out = new ArrayList<>();
    for (ModelEntry m : data.models()) {
      if (m.inSummary()) out.add(headToHead(m));
    }
    List<BenchResult> decode =
        data.merged().stream()
            .filter(r -> r.framework().equals("llama.cpp") && Labels.decode(r))
            .toList();
    List<String> labels = Labels.distinct(decode, r -> Labels.chartLabel(data, r) + fa(r));
    List<TextBars.Bar> llama = new ArrayList<>();
    for (int i = 0; i < decode.size(); i++) {
      llama.add(new TextBars.Bar(labels.get(i), decode.get(i).tokensPerSMean()));
    }
    if (!llama.isEmpty()) {
      out.add(
          TextBars.of("llama-cpp-decode", "llama.cpp — All Models Decode Speed", "tok/s", llama));
    }
    return out;
  }

  private static String fa(BenchResult r) {
    return r.flashAttn() == FlashAttention.ON ? " +FA" : "";
  }

  private TextBars headToHead(ModelEntry m) {
    List<BenchResult> decode =
        data.merged().stream().filter(r -> Labels.decode(r) && m.is(r.model(), r.quant())).toList();
    List<String> labels = Labels.distinct(decode, Labels::framework);
    List<TextBars.Bar> bars = new ArrayList<>();
    for (int i = 0; i < decode.size(); i++) {
      bars.add(new TextBars.Bar(labels.get(i), decode.get(i).tokensPerSMean()));
    }
    String key =
        "decode-" + m.tableLabel().toLowerCase(Locale.ROOT).replace("_", "").replace(' ', '-');
    return TextBars.of(key, m.displayName() + " " + m.quant() + " — Decode Speed", "tok/s", bars);
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
