package dev.tokbench.report;

import java.util.List;

/**
 * Writes a {@link ReportTable} as an HTML table. Tablesaw 0.44.4 has no working HTML writer in
 * tablesaw-core, and notebooks display {@code text/html}, so this small one escapes every cell.
 */
final class HtmlTable {
  private HtmlTable() {}

  static String render(ReportTable t) {
    StringBuilder out = new StringBuilder("<table>\n");
    if (!t.title().isEmpty() || !t.settings().isEmpty()) {
      out.append("<caption>").append(escape(t.title()));
      if (!t.settings().isEmpty()) {
        out.append(t.title().isEmpty() ? "" : "<br>");
        out.append("<small>").append(escape(t.settings())).append("</small>");
      }
      out.append("</caption>\n");
    }
    out.append("<thead><tr>");
    for (String h : t.headers()) out.append("<th>").append(escape(h)).append("</th>");
    out.append("</tr></thead>\n<tbody>\n");
    for (List<Entry> row : PageBounds.shown(t)) {
      out.append("<tr>");
      for (Entry c : row) out.append("<td>").append(entry(c)).append("</td>");
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    String more = PageBounds.notShown(t);
    if (!more.isEmpty()) out.append("<p><i>").append(escape(more)).append("</i></p>\n");
    if (!t.footnote().isEmpty()) out.append("<p>").append(escape(t.footnote())).append("</p>\n");
    return out.toString();
  }

  private static String entry(Entry c) {
    String text = escape(c.text());
    return (c.bold() && !text.isEmpty() ? "<b>" + text + "</b>" : text) + escape(c.suffix());
  }

  /** Escapes the five characters that HTML gives meaning to. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
