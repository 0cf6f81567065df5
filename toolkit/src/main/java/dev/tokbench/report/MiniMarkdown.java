package dev.tokbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown the report's passages use, as HTML: paragraphs (a line starting with {@code **}
 * begins a new line, as the report's fact lines do), bullet and numbered lists with indented or
 * lazy continuation lines, fenced blocks, and inline {@code `code`}, {@code **bold**}, {@code
 * *italic*}. Everything else is text, escaped.
 */
final class MiniMarkdown {
  private static final Pattern ITEM = Pattern.compile("^([-*]|(\\d+)\\.) (.*)$");

  private MiniMarkdown() {}

  static String html(String markdown) {
    List<String> lines = List.of(markdown.split("\n", -1));
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.isBlank()) i++;
      else if (line.startsWith("```")) i = fence(lines, i, out);
      else if (ITEM.matcher(line).matches()) i = list(lines, i, out);
      else i = paragraph(lines, i, out);
    }
    return out.toString();
  }

  private static int fence(List<String> lines, int i, StringBuilder out) {
    String lang = lines.get(i).substring(3).strip();
    StringBuilder code = new StringBuilder();
    int j = i + 1;
    for (; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
      code.append(lines.get(j)).append('\n');
    }
    out.append("<pre><code")
        .append(lang.isEmpty() ? "" : " class=\"language-" + escape(lang) + "\"");
    out.append('>').append(escape(code.toString())).append("</code></pre>\n");
    return Math.min(j + 1, lines.size());
  }

  private static int list(List<String> lines, int i, StringBuilder out) {
    Matcher first = ITEM.matcher(lines.get(i));
    first.matches();
    boolean ordered = first.group(2) != null;
    String tag = ordered ? "ol" : "ul";
    out.append('<').append(tag);
    if (ordered && !first.group(2).equals("1"))
      out.append(" start=\"").append(first.group(2)).append('"');
    out.append(">\n");
    int j = i;
    while (j < lines.size()) {
      Matcher m = ITEM.matcher(lines.get(j));
      if (!m.matches() || (m.group(2) != null) != ordered) break;
      StringBuilder item = new StringBuilder(m.group(3));
      j++;
      while (j < lines.size() && continues(lines, j)) {
        if (!lines.get(j).isBlank()) item.append(' ').append(lines.get(j).strip());
        j++;
      }
      out.append("<li>").append(inline(item.toString())).append("</li>\n");
    }
    out.append("</").append(tag).append(">\n");
    return j;
  }

  /** True when line {@code j} belongs to the list item above it. */
  private static boolean continues(List<String> lines, int j) {
    String l = lines.get(j);
    if (l.isBlank()) return j + 1 < lines.size() && lines.get(j + 1).startsWith("  ");
    return !ITEM.matcher(l).matches() && !l.startsWith("```");
  }

  private static int paragraph(List<String> lines, int i, StringBuilder out) {
    StringBuilder p = new StringBuilder();
    int j = i;
    for (; j < lines.size(); j++) {
      String l = lines.get(j);
      if (l.isBlank() || l.startsWith("```") || (j > i && ITEM.matcher(l).matches())) break;
      if (j > i) p.append(l.startsWith("**") ? "<br>\n" : "\n");
      p.append(inline(l.strip()));
    }
    out.append("<p>").append(p).append("</p>\n");
    return j;
  }

  /** Inline Markdown: code spans first (their text stays literal), then bold and italic. */
  static String inline(String text) {
    StringBuilder out = new StringBuilder();
    String[] parts = text.split("`", -1);
    for (int k = 0; k < parts.length; k++) {
      boolean code = k % 2 == 1 && k < parts.length - 1;
      if (code) out.append("<code>").append(escape(parts[k])).append("</code>");
      else out.append(emphasis(escape(k % 2 == 1 ? "`" + parts[k] : parts[k])));
    }
    return out.toString();
  }

  private static String emphasis(String s) {
    String bold = s.replaceAll("\\*\\*(\\S(?:.*?\\S)?)\\*\\*", "<b>$1</b>");
    return bold.replaceAll("(?<![*\\w])\\*(\\S(?:.*?\\S)?)\\*(?![*\\w])", "<i>$1</i>");
  }

  static String escape(String s) {
    return HtmlTable.escape(s);
  }

  /** The plain text of inline Markdown, for titles and ids. */
  static String plain(String text) {
    return text.replace("**", "").replace("`", "");
  }

  /** An id for a heading: lower-case words joined by dashes. */
  static String slug(String heading, List<String> taken) {
    String base = plain(heading).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    base = base.replaceAll("(^-+|-+$)", "");
    if (base.isEmpty()) base = "section";
    String id = base;
    for (int n = 2; taken.contains(id); n++) id = base + "-" + n;
    taken.add(id);
    return id;
  }

  static List<String> ids() {
    return new ArrayList<>();
  }
}
