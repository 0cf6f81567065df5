package dev.tokbench.report;

import static dev.tokbench.report.MiniMarkdown.escape;

import dev.tokbench.results.BenchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last three sections of {@code index.html}: every claim with its verdict, each source file
 * with what {@code SOURCE.md} says of it and the provenance its rows share, and every row (the
 * targets of the figures' links).
 */
final class HtmlSources {
  private static final Pattern SOURCE_ROW =
      Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*(.*?)\\s*\\|");

  private final Report report;
  private final Map<BenchResult, Integer> rowIds;
  private final Set<Integer> linked; // the rows a link of the page points to

  HtmlSources(Report report, Map<BenchResult, Integer> rowIds, Set<Integer> linked) {
    this.report = report;
    this.rowIds = rowIds;
    this.linked = linked;
  }

  String claims() {
    List<Claim> claims = report.claims();
    if (claims.isEmpty()) return "<p>The folder has no claims.</p>\n";
    StringBuilder out = new StringBuilder("<table class=\"sortable\" data-name=\"claims\">\n");
    out.append("<thead><tr><th>Claim</th><th>Section</th><th>Verdict</th><th>Computed</th>")
        .append("<th>Quote</th></tr></thead>\n<tbody>\n");
    for (Claim c : claims) {
      String cls = c.verdict().label().replace(' ', '-');
      out.append("<tr id=\"claim-").append(escape(c.id())).append("\"><td><code>");
      out.append(escape(c.id())).append("</code></td><td>").append(escape(c.section()));
      out.append("</td><td><span class=\"verdict ").append(cls).append("\">");
      out.append(escape(c.verdict().label())).append("</span></td><td>");
      out.append(escape(c.computed())).append("</td><td>").append(escape(c.quote()));
      out.append("</td></tr>\n");
    }
    return out.append("</tbody>\n</table>\n").toString();
  }

  /** Per source file: its description, how many rows, and the provenance they share or vary in. */
  String provenance() {
    Map<String, String> described = described();
    Map<String, List<BenchResult>> bySource = new LinkedHashMap<>();
    for (BenchResult r : report.results()) {
      bySource.computeIfAbsent(SourceTag.file(r), k -> new ArrayList<>()).add(r);
    }
    StringBuilder out = new StringBuilder();
    var device = report.data().device();
    out.append("<p><b>Device</b>: ").append(escape(String.valueOf(device)));
    out.append(" — ").append(escape(device.source())).append("</p>\n");
    for (var e : bySource.entrySet()) {
      String file = e.getKey().isEmpty() ? "(no source recorded)" : e.getKey();
      List<BenchResult> rows = e.getValue();
      out.append("<details open><summary><code>").append(escape(file)).append("</code>: ");
      out.append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append(", ");
      out.append(link(rows)).append("</summary>\n");
      String what = described.getOrDefault(file, described.get(top(file)));
      if (what != null) out.append("<p>").append(MiniMarkdown.inline(what)).append("</p>\n");
      out.append(shared(rows));
      out.append("</details>\n");
    }
    source()
        .ifPresent(
            s ->
                out.append("<details><summary><code>SOURCE.md</code></summary><pre>")
                    .append(escape(s))
                    .append("</pre></details>\n"));
    return out.toString();
  }

  private String link(List<BenchResult> rows) {
    int first = rowIds.get(rows.get(0));
    int last = rowIds.get(rows.get(rows.size() - 1));
    linked.add(first);
    return "<a href=\"#row-"
        + first
        + "\">row"
        + (first == last ? " " + first : "s " + first + "–" + last)
        + "</a>";
  }

  /** Provenance keys equal in every row, with their value; the others by name. */
  private static String shared(List<BenchResult> rows) {
    Map<String, TreeSet<String>> values = new TreeMap<>();
    for (BenchResult r : rows) {
      r.provenance().forEach((k, v) -> values.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
    }
    values.remove(SourceTag.KEY);
    if (values.isEmpty()) return "";
    StringBuilder out = new StringBuilder("<dl class=\"prov\">\n");
    List<String> varying = new ArrayList<>();
    for (var e : values.entrySet()) {
      if (e.getValue().size() > 1) {
        varying.add(e.getKey() + " (" + e.getValue().size() + " values)");
        continue;
      }
      out.append("<dt>").append(escape(e.getKey())).append("</dt><dd>");
      out.append(escape(e.getValue().first())).append("</dd>\n");
    }
    if (!varying.isEmpty()) {
      out.append("<dt>varies by row</dt><dd>").append(escape(String.join(", ", varying)));
      out.append("</dd>\n");
    }
    return out.append("</dl>\n").toString();
  }

  /**
   * Every row, with the anchor the figures link to; of a fleet's folder, the first {@link
   * PageBounds#EVERY_ROW} rows and every row a link of the page points to (a million rows would
   * make a page of hundreds of megabytes), saying so.
   */
  String rows() {
    List<BenchResult> all = report.results();
    StringBuilder out = new StringBuilder();
    boolean bounded = all.size() > PageBounds.EVERY_ROW;
    if (bounded)
      out.append("<p class=\"footnote\">")
          .append(PageBounds.rowsListed(all.size(), linked))
          .append("</p>\n");
    out.append("<div class=\"rows-wrap\"><table class=\"sortable\"");
    out.append(" data-name=\"rows\">\n<thead><tr>");
    for (String h :
        List.of(
            "#",
            "Framework",
            "Backend",
            "Model",
            "Quant",
            "Test",
            "Depth",
            "FA",
            "tok/s",
            "sd",
            "Samples",
            "Status",
            "Reason",
            "Source")) {
      out.append("<th>").append(h).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (BenchResult r : all) {
      int id = rowIds.get(r);
      if (bounded && id > PageBounds.EVERY_ROW && !linked.contains(id)) continue;
      out.append("<tr id=\"row-").append(id).append("\">");
      num(out, id, Integer.toString(id));
      out.append("<td><span class=\"swatch fw-")
          .append(r.framework().replaceAll("[^A-Za-z0-9]+", "-"));
      out.append("\"></span>").append(escape(r.framework())).append("</td>");
      for (String s : List.of(r.backend(), r.model(), r.quant(), r.test())) td(out, s);
      num(out, r.nDepth(), Integer.toString(r.nDepth()));
      td(out, r.flashAttn().label());
      num(out, r.tokensPerSMean(), fixed(r.tokensPerSMean()));
      num(out, r.tokensPerSStddev(), fixed(r.tokensPerSStddev()));
      num(out, r.samples().size(), Integer.toString(r.samples().size()));
      td(out, r.status().label());
      td(out, r.reason());
      td(out, r.provenance().getOrDefault(SourceTag.KEY, ""));
      out.append("</tr>\n");
    }
    return out.append("</tbody>\n</table></div>\n").toString();
  }

  private static void td(StringBuilder out, String s) {
    out.append("<td>").append(escape(s)).append("</td>");
  }

  private static void num(StringBuilder out, double v, String text) {
    if (Double.isNaN(v)) {
      out.append("<td></td>");
      return;
    }
    out.append("<td class=\"num\" data-v=\"").append(v).append("\">").append(escape(text));
    out.append("</td>");
  }

  private static String fixed(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
  }

  /** {@code SOURCE.md}'s file table: file name to what it is. */
  private Map<String, String> described() {
    Map<String, String> out = new LinkedHashMap<>();
    source()
        .ifPresent(
            s -> {
              for (String line : s.split("\n")) {
                Matcher m = SOURCE_ROW.matcher(line);
                if (m.find()) {
                  out.put(m.group(1), m.group(2));
                  out.putIfAbsent(top(m.group(1)), m.group(2));
                }
              }
            });
    return out;
  }

  /** The first path element of a source ({@code tinygrad} of {@code tinygrad/cuda_q4km.log}). */
  private static String top(String file) {
    int slash = file.indexOf('/');
    String t = slash > 0 ? file.substring(0, slash) : file;
    return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
  }

  private java.util.Optional<String> source() {
    Path f = report.data().dir().resolve("SOURCE.md");
    if (!Files.isRegularFile(f)) return java.util.Optional.empty();
    try {
      return java.util.Optional.of(Files.readString(f));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }
}
