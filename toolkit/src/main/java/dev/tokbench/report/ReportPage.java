package dev.tokbench.report;

import dev.tokbench.BadInputException;
import dev.tokbench.report.Page.Block;
import dev.tokbench.report.ReportText.Part;
import dev.tokbench.report.ReportText.Passage;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lays out the report in the published report's sections, order and headings (title and facts,
 * Executive Summary, 1. tinygrad, 2. llama.cpp, 3. the frameworks not benchmarked, 4. head to head,
 * 5. analysis, 6. reproduction, 7. model inventory, 8. next steps), numbering those the folder has
 * content for. Figures come from the folder's tables and charts, words from its {@code
 * report.yaml}; every table and chart the report has is placed somewhere, the computed ones the
 * published text lacks at the end of the section they belong to.
 */
final class ReportPage {
  private final Report report;
  private final ReportText text;
  private final Map<String, Claim> claims = new LinkedHashMap<>();
  private final Set<String> placedClaims = new LinkedHashSet<>();
  private final Map<String, ReportTable> tables = new LinkedHashMap<>();
  private final Map<String, ReportChart> charts = new LinkedHashMap<>();

  private ReportPage(Report report) {
    this.report = report;
    this.text = report.text();
    report.claims().forEach(c -> claims.put(c.id(), c));
    report.tables().forEach(t -> tables.put(t.name(), t));
    report.charts().forEach(c -> charts.put(c.id(), c));
  }

  static Page of(Report report) {
    return new ReportPage(report).build();
  }

  private Page build() {
    List<Block> out = new ArrayList<>();
    out.add(header());
    Sections sections = new Sections(this);
    List<Block> summary = sections.summary();
    if (!summary.isEmpty()) {
      out.add(new Page.Rule());
      out.add(new Page.Heading(2, "Executive Summary"));
      out.addAll(summary);
    }
    int n = 0;
    for (var s : sections.numbered()) {
      if (s.blocks().isEmpty()) continue;
      out.add(new Page.Rule());
      out.add(new Page.Heading(2, ++n + ". " + s.heading()));
      out.addAll(s.blocks());
    }
    List<Claim> rest =
        claims.values().stream().filter(c -> !placedClaims.contains(c.id())).toList();
    if (!rest.isEmpty()) {
      out.add(new Page.Rule());
      out.add(new Page.Heading(2, "Claims the text does not place"));
      out.add(new Page.Verdicts(rest));
    }
    String title =
        text.title().isEmpty()
            ? "LLM Benchmark Results — " + report.data().device().device().name()
            : text.title();
    return new Page(title, out);
  }

  /** The facts under the title, ending with the bandwidths of {@code device.csv}. */
  private Block header() {
    var d = report.data().device();
    String bandwidth =
        "**Theoretical memory bandwidth**: ~"
            + Labels.fixed(d.theoretical().gbPerS(), 0)
            + " GB/s"
            + d.practicalBandwidth()
                .map(p -> " (practical ~" + Labels.fixed(p.gbPerS(), 0) + " GB/s)")
                .orElse("");
    if (text.header() == null || text.header().text().isEmpty()) {
      return Page.Prose.note("**Device**: " + d.device().name() + "\n" + bandwidth);
    }
    return new Page.Prose(
        text.header().text() + "\n" + bandwidth, claims(text.header().claims()), true);
  }

  /** The passages as blocks, each with its claims' verdicts. */
  List<Block> passages(List<Passage> passages) {
    List<Block> out = new ArrayList<>();
    for (Passage p : passages) out.add(new Page.Prose(p.text(), claims(p.claims()), true));
    return out;
  }

  /** A {@code ###} part: heading, its table (chosen rows), verdicts about it, its passages. */
  List<Block> part(Part p) {
    List<Block> out = new ArrayList<>();
    out.add(new Page.Heading(3, p.heading()));
    if (!p.table().isEmpty()) {
      ReportTable t = table(p.table());
      if (t == null) throw unknown("table", p.table(), tables.keySet());
      out.add(new Page.Table(p.rows().isEmpty() ? t : t.withRowsStartingWith(p.rows())));
    }
    if (!p.claims().isEmpty()) out.add(new Page.Verdicts(claims(p.claims())));
    out.addAll(passages(p.passages()));
    return out;
  }

  /** The claims with these ids, each placed once on the page. */
  List<Claim> claims(List<String> ids) {
    List<Claim> out = new ArrayList<>();
    for (String id : ids) {
      Claim c = claims.get(id);
      if (c == null) throw unknown("claim", id, claims.keySet());
      placedClaims.add(id);
      out.add(c);
    }
    return out;
  }

  private BadInputException unknown(String what, String name, Set<String> known) {
    return new BadInputException(
        report.data().dir().resolve(ReportText.FILE)
            + ": no "
            + what
            + " '"
            + name
            + "'; the folder has "
            + known);
  }

  /** The table with this name, taken off the list of tables still to place; null when none. */
  ReportTable table(String name) {
    return tables.remove(name);
  }

  /** The tables whose names start with {@code prefix}, taken off the list. */
  List<ReportTable> tablesStartingWith(String prefix) {
    List<ReportTable> out =
        tables.values().stream().filter(t -> t.name().startsWith(prefix)).toList();
    out.forEach(t -> tables.remove(t.name()));
    return out;
  }

  /** Tables no section has placed yet. */
  List<ReportTable> remainingTables() {
    List<ReportTable> out = List.copyOf(tables.values());
    tables.clear();
    return out;
  }

  /** The chart with this id, taken off the list of charts still to place; null when none. */
  ReportChart chart(String id) {
    return charts.remove(id);
  }

  /** Charts no section has placed yet. */
  List<ReportChart> remainingCharts() {
    List<ReportChart> out = List.copyOf(charts.values());
    charts.clear();
    return out;
  }

  Report report() {
    return report;
  }

  ReportText text() {
    return text;
  }

  /** The frameworks the folder lists as not installed, by key, with their first row. */
  Map<String, BenchResult> notInstalled() {
    Map<String, BenchResult> out = new LinkedHashMap<>();
    for (BenchResult r : report.results()) {
      if (r.status() == Status.NOT_INSTALLED) out.putIfAbsent(r.framework(), r);
    }
    return out;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
