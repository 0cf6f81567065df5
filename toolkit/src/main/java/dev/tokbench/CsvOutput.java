package dev.tokbench;

import java.util.List;

/**
 * Writes CSV records exactly as commons-csv's {@code CSVPrinter} does with {@code
 * CSVFormat.RFC4180} and LF record ends (quote mode minimal), appending to a {@link StringBuilder}:
 * the printer writes a cell a character at a time through its appendable, which made writing a
 * fleet's million-row results file a sixth of {@code report}'s time. {@code CsvOutputTest} checks
 * the two agree on every kind of cell.
 */
public final class CsvOutput {
  private CsvOutput() {}

  /** Appends one record of {@code cells} and its {@code \n}. */
  public static void record(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.append(',');
      cell(out, cells.get(i), i == 0);
    }
    out.append('\n');
  }

  private static void cell(StringBuilder out, String s, boolean first) {
    if (!quoted(s, first)) {
      out.append(s);
      return;
    }
    out.append('"');
    int from = 0;
    for (int q = s.indexOf('"'); q >= 0; q = s.indexOf('"', from)) {
      out.append(s, from, q + 1).append('"'); // a quote is written twice
      from = q + 1;
    }
    out.append(s, from, s.length()).append('"');
  }

  /**
   * commons-csv's minimal quoting: an empty first cell (else a record of one empty cell would be an
   * empty line); a cell that starts with a character up to {@code #} (space, controls, the comment
   * mark) or ends with one up to a space; a cell holding a quote, comma or line break.
   */
  private static boolean quoted(String s, boolean first) {
    int n = s.length();
    if (n == 0) return first;
    if (s.charAt(0) <= '#' || s.charAt(n - 1) <= ' ') return true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == ',' || c == '\n' || c == '\r') return true;
    }
    return false;
  }
}
