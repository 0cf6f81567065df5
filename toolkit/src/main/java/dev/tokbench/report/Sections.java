package dev.tokbench.report;

import dev.tokbench.report.Page.Block;
import dev.tokbench.report.ReportText.Part;
import dev.tokbench.report.ReportText.Passage;
import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The content of each of the report's sections, for {@link ReportPage}. */
final class Sections {
  /**
   * One numbered section.
   *
   * @param heading its heading without the number
   * @param blocks what it holds; empty when the folder has nothing for it
   */
  record Section(String heading, List<Block> blocks) {}

  private final ReportPage page;

  Sections(ReportPage page) {
    this.page = page;
  }

  /** The Executive Summary: its passages, then the summary table. */
  List<Block> summary() {
    List<Block> out = page.passages(page.text().summary());
    ReportTable t = page.table("summary");
    if (t != null) out.add(new Page.Table(t));
    return out;
  }

  /** Sections 1 to 8 in order (the inventory is taken first so analysis does not claim it). */
  List<Section> numbered() {
    Section models = models();
    List<Section> out = new ArrayList<>();
    out.add(tinygrad());
    out.add(llamaCpp());
    out.add(otherFrameworks());
    out.add(serving());
    out.add(notBenchmarked());
    out.add(headToHead());
    out.add(analysis());
    out.add(new Section("Reproduction Commands", parts(page.text().reproduction())));
    out.add(models);
    out.add(new Section("Next Steps", page.passages(page.text().nextSteps())));
    return out;
  }

  private Section tinygrad() {
    ReportText.FrameworkText t = page.text().framework("tinygrad");
    List<Block> out = new ArrayList<>();
    List<ReportTable> tables = page.tablesStartingWith("tinygrad ");
    if (tables.isEmpty() && t.facts().isEmpty()) return new Section("tinygrad Results", out);
    out.addAll(page.passages(t.facts()));
    for (ReportTable table : tables) {
      out.add(new Page.Heading(3, table.title()));
      out.add(new Page.Table(table));
    }
    observations(out, t);
    return new Section("tinygrad Results", out);
  }

  private Section llamaCpp() {
    ReportText.FrameworkText t = page.text().framework("llama.cpp");
    List<Block> out = new ArrayList<>();
    ReportTable main = page.table("llama.cpp");
    List<ReportTable> others = page.tablesStartingWith("llama.cpp (");
    if (main == null && others.isEmpty() && t.facts().isEmpty()) {
      return new Section("llama.cpp Results", out);
    }
    out.addAll(page.passages(t.facts()));
    if (main != null) {
      out.add(new Page.Heading(3, main.title()));
      out.add(new Page.Table(main));
    }
    for (ReportTable table : others) {
      out.add(new Page.Heading(3, table.title()));
      out.add(new Page.Table(table));
    }
    observations(out, t);
    return new Section("llama.cpp Results", out);
  }

  private void observations(List<Block> out, ReportText.FrameworkText t) {
    if (t.observations().isEmpty()) return;
    out.add(new Page.Heading(3, "Observations"));
    out.addAll(page.passages(t.observations()));
  }

  /**
   * Section 3, named after the frameworks {@code frameworks.csv} lists as not installed: the
   * folder's words for each (else its status and reason from the CSV), then the text's parts.
   */
  private Section notBenchmarked() {
    ReportText.NotBenchmarked text = page.text().notBenchmarked();
    Map<String, BenchResult> missing = page.notInstalled();
    List<Block> out = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (var e : missing.entrySet()) {
      String label = Labels.framework(e.getValue());
      labels.add(label);
      out.add(new Page.Heading(3, label));
      List<Passage> words = text.frameworks().get(e.getKey());
      if (words != null) out.addAll(page.passages(words));
      else {
        out.add(
            Page.Prose.note(
                "**Status**: ❌ Not benchmarked — " + e.getValue().status().label() + "."));
        out.add(Page.Prose.note(e.getValue().reason()));
      }
    }
    if (!out.isEmpty()) out.addAll(parts(text.parts()));
    return new Section(String.join(" & ", labels), out);
  }

  /** The tables of frameworks other than tinygrad and llama.cpp (vLLM, MLC …) that ran. */
  private Section otherFrameworks() {
    List<String> frameworks =
        page.report().data().configurations().stream()
            .map(c -> c.first().framework())
            .filter(f -> !f.equals("tinygrad") && !f.startsWith("llama.cpp"))
            .distinct()
            .toList();
    List<Block> out = new ArrayList<>();
    for (ReportTable all : page.report().tables()) {
      String n = all.name();
      if (frameworks.stream().noneMatch(f -> n.equals(f) || n.startsWith(f + " ("))) continue;
      ReportTable t = page.table(n);
      if (t == null) continue;
      out.add(new Page.Heading(3, t.title()));
      out.add(new Page.Table(t));
    }
    return new Section("Other Frameworks", out);
  }

  /** The serving tables (serve-bench's load levels), each followed by its charts. */
  private Section serving() {
    List<Block> out = new ArrayList<>();
    for (ReportTable t : page.tablesStartingWith(ServeTables.NAME)) {
      out.add(new Page.Heading(3, t.title()));
      out.add(new Page.Table(t));
      String suffix = t.name().equals(ServeTables.NAME) ? "" : "-" + t.name().substring(8);
      for (String id : List.of(ServeCharts.THROUGHPUT, ServeCharts.LATENCY, ServeCharts.TTFT)) {
        figure(out, id + suffix);
      }
    }
    return new Section("Serving Benchmarks", out);
  }

  /** Section 4: each text bar chart, drawn too, then how the published bars were drawn. */
  private Section headToHead() {
    List<Block> out = new ArrayList<>();
    for (TextBars b : page.report().bars()) {
      out.add(new Page.Heading(3, b.title()));
      if (b.perBlock() != 1) {
        out.add(Page.Prose.note("One █ = " + Labels.fixed(b.perBlock(), 0) + " " + b.unit() + "."));
      }
      out.add(new Page.Bars(b));
      ReportChart c = page.chart(b.key());
      if (c != null) out.add(new Page.Figure(c));
    }
    ReportTable drawn = page.table("bar-deviations");
    if (drawn != null) {
      out.add(new Page.Heading(3, drawn.title()));
      out.add(new Page.Table(drawn));
    }
    return new Section("Head-to-Head Comparison", out);
  }

  /**
   * Section 5: the text's parts (with the tables they place), then the computed tables and charts
   * the text does not place: the ceiling table with the roofline, prefill, ratios, and the rest.
   */
  private Section analysis() {
    List<Block> out = new ArrayList<>(parts(page.text().analysis()));
    for (String name : List.of("repeats", "bandwidth", "ceiling", "prefill", "ratios")) {
      ReportTable t = page.table(name);
      if (t == null) continue;
      out.add(new Page.Heading(3, t.title()));
      out.add(new Page.Table(t));
      if (name.equals("ceiling")) figure(out, "decode-ceiling");
    }
    ReportTable notShown = page.table("not-shown");
    for (ReportTable t : page.remainingTables()) {
      out.add(new Page.Heading(3, t.title()));
      out.add(new Page.Table(t));
    }
    for (ReportChart c : page.remainingCharts()) {
      out.add(new Page.Heading(3, c.figure().title()));
      out.add(new Page.Figure(c));
    }
    if (notShown != null) {
      out.add(new Page.Heading(3, notShown.title()));
      out.add(new Page.Table(notShown));
    }
    return new Section("Analysis", out);
  }

  private void figure(List<Block> out, String id) {
    ReportChart c = page.chart(id);
    if (c != null) out.add(new Page.Figure(c));
  }

  /** Section 7: the passages above the inventory, then the inventory without a heading. */
  private Section models() {
    List<Block> out = new ArrayList<>();
    ReportTable t = page.table("models");
    if (t == null) return new Section("Model Inventory", out);
    out.addAll(page.passages(page.text().models()));
    out.add(new Page.Table(t));
    return new Section("Model Inventory", out);
  }

  private List<Block> parts(List<Part> parts) {
    List<Block> out = new ArrayList<>();
    for (Part p : parts) out.addAll(page.part(p));
    return out;
  }
}
