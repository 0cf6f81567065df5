package dev.tokbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Markdown split into its sections ({@code ##} and {@code ###} headings outside fenced blocks) and
 * normalised for comparison: no blank lines or rules between sections, table cells trimmed,
 * separator rows reduced to their column count, text-bar lines with single spaces.
 */
final class MarkdownLines {
  static final String TOP = "(title and header)";

  private MarkdownLines() {}

  /** Heading path ({@code 1. tinygrad Results › Observations}) to the section's lines. */
  static Map<String, List<String>> sections(String markdown) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String section = TOP;
    String part = null;
    List<String> current = new ArrayList<>();
    out.put(section, current);
    boolean fenced = false;
    for (String raw : markdown.split("\n", -1)) {
      String line = raw.stripTrailing();
      if (line.startsWith("```")) fenced = !fenced;
      boolean heading = !fenced && (line.startsWith("## ") || line.startsWith("### "));
      if (heading) {
        if (line.startsWith("## ")) {
          section = line.substring(3).strip();
          part = null;
        } else {
          part = line.substring(4).strip();
        }
        current = new ArrayList<>();
        out.put(unique(out, part == null ? section : section + " › " + part), current);
        continue;
      }
      // a rule separates sections: where it falls is the headings' business, not a line's
      if (!line.isBlank() && (fenced || !line.equals("---"))) current.add(normalise(line, fenced));
    }
    return out;
  }

  private static String unique(Map<String, ?> taken, String key) {
    String k = key;
    for (int n = 2; taken.containsKey(k); n++) k = key + " (" + n + ")";
    return k;
  }

  private static String normalise(String line, boolean fenced) {
    if (fenced && isBarLine(line)) return line.replaceAll("\\s+", " ");
    if (!fenced && line.startsWith("|")) return tableRow(line);
    return line;
  }

  /** A table row as {@code | a | b |}; a separator row as {@code |---|---|}. */
  static String tableRow(String line) {
    String inner =
        line.substring(
            1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
    String[] cells = inner.split("\\|", -1);
    boolean separator = inner.matches("[\\s|:-]+");
    StringBuilder b = new StringBuilder("|");
    for (String c : cells) b.append(separator ? "---" : " " + c.strip() + " ").append('|');
    return b.toString();
  }

  /** The trimmed cells of a normalised table row. */
  static List<String> cells(String row) {
    String inner = row.substring(1, row.length() - 1);
    List<String> out = new ArrayList<>();
    for (String c : inner.split("\\|", -1)) out.add(c.strip());
    return out;
  }

  static boolean isBarLine(String line) {
    return line.chars().anyMatch(c -> c == '█' || (c >= '▏' && c <= '▉'));
  }
}
