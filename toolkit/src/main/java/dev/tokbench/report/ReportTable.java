package dev.tokbench.report;

import dev.tokbench.CsvOutput;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table of the report as it is shown: headers, formatted cells (with the report's bold), and a
 * footnote. Renders as Markdown ({@link #markdown}), HTML ({@link #html}), CSV ({@link #csv}) or a
 * Tablesaw {@link Table} with numeric columns where every cell is a number ({@link #table}).
 *
 * @param name the key {@link Report#table} takes, e.g. {@code llama.cpp}
 * @param title the heading above it
 * @param headers column headers
 * @param rows rows of entries, each as wide as the headers
 * @param footnote text under the table, empty for none
 * @param settings the settings every row shares, stated once above the table; empty for none
 */
public record ReportTable(
    String name,
    String title,
    List<String> headers,
    List<List<Entry>> rows,
    String footnote,
    String settings) {
  public ReportTable {
    headers = List.copyOf(headers);
    footnote = footnote == null ? "" : footnote;
    settings = settings == null ? "" : settings;
    rows =
        rows instanceof LazyRows lazy
            ? lazy.checked(headers.size(), name) // each row checked when it is made
            : copied(rows, headers.size(), name);
  }

  private static List<List<Entry>> copied(List<List<Entry>> rows, int width, String name) {
    List<List<Entry>> copy = rows.stream().map(List::copyOf).toList();
    for (List<Entry> row : copy) {
      if (row.size() != width) {
        throw new IllegalArgumentException(
            name + ": a row has " + row.size() + " cells for " + width + " headers");
      }
    }
    return copy;
  }

  /** A table without a settings line. */
  public ReportTable(
      String name, String title, List<String> headers, List<List<Entry>> rows, String footnote) {
    this(name, title, headers, rows, footnote, "");
  }

  /** This table with the line that states the settings every row shares. */
  public ReportTable withSettings(String line) {
    return new ReportTable(name, title, headers, rows, footnote, line);
  }

  /** This table with another footnote. */
  public ReportTable withFootnote(String text) {
    return new ReportTable(name, title, headers, rows, text, settings);
  }

  /**
   * Any Tablesaw table as a report table, so it renders as Markdown, HTML or CSV too: cells as
   * Tablesaw prints them, numeric columns keeping their numbers.
   */
  public static ReportTable of(Table t) {
    List<List<Entry>> rows = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      List<Entry> row = new ArrayList<>();
      for (Column<?> c : t.columns()) row.add(entry(c, r));
      rows.add(row);
    }
    return new ReportTable(t.name(), t.name(), t.columnNames(), rows, "");
  }

  private static Entry entry(Column<?> c, int r) {
    if (c.isMissing(r)) return Entry.text("");
    if (c instanceof tech.tablesaw.api.NumericColumn<?> n) {
      return Entry.number(c.getString(r), n.getDouble(r));
    }
    return Entry.text(c.getString(r));
  }

  /**
   * The same table with only the rows whose first cells (as plain text) are one of {@code starts},
   * in the table's order: the rows a published table chose to show.
   */
  public ReportTable withRowsStartingWith(List<List<String>> starts) {
    List<List<Entry>> kept =
        rows.stream().filter(r -> starts.stream().anyMatch(s -> startsWith(r, s))).toList();
    return new ReportTable(name, title, headers, kept, footnote, settings);
  }

  private static boolean startsWith(List<Entry> row, List<String> start) {
    if (start.size() > row.size()) return false;
    for (int i = 0; i < start.size(); i++) {
      if (!row.get(i).plain().equals(start.get(i))) return false;
    }
    return true;
  }

  /** The entry at {@code row}, {@code column} (0-based). */
  public Entry entry(int row, int column) {
    return rows.get(row).get(column);
  }

  /** The Markdown text of every cell, row by row, as the published tables are compared. */
  public List<List<String>> markdownCells() {
    return rows.stream().map(r -> r.stream().map(Entry::markdown).toList()).toList();
  }

  /**
   * A GitHub Markdown table with every column padded to its widest cell, as the report does; the
   * settings line above it and the footnote under it. A table of more than {@value
   * PageBounds#TABLE_ROWS} rows shows the first ones and says how many more are not shown.
   */
  public String markdown() {
    List<List<String>> lines = new ArrayList<>();
    lines.add(headers);
    for (List<Entry> r : PageBounds.shown(this))
      lines.add(r.stream().map(Entry::markdown).toList());
    int[] width = new int[headers.size()];
    for (List<String> line : lines) {
      for (int c = 0; c < width.length; c++) width[c] = Math.max(width[c], line.get(c).length());
    }
    StringBuilder out = new StringBuilder();
    if (!settings.isEmpty()) out.append(settings).append("\n\n");
    for (int i = 0; i < lines.size(); i++) {
      out.append(row(lines.get(i), width)).append('\n');
      if (i == 0) out.append(separator(width)).append('\n');
    }
    String more = PageBounds.notShown(this); // a fleet's table: the first rows, and how many more
    if (!more.isEmpty()) out.append("\n*").append(more).append("*\n");
    if (!footnote.isEmpty()) out.append('\n').append(footnote).append('\n');
    return out.toString();
  }

  private static String row(List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder("|");
    for (int c = 0; c < width.length; c++) {
      b.append(' ').append(cells.get(c)).append(" ".repeat(width[c] - cells.get(c).length()));
      b.append(" |");
    }
    return b.toString();
  }

  private static String separator(int[] width) {
    StringBuilder b = new StringBuilder("|");
    for (int w : width) b.append("-".repeat(w + 2)).append('|');
    return b.toString();
  }

  /** An HTML {@code <table>} (bold as {@code <b>}), for notebooks and web pages. */
  public String html() {
    return HtmlTable.render(this);
  }

  /** CSV with a header line; cells as plain text without bold. */
  public String csv() {
    StringBuilder out = new StringBuilder(); // CSVPrinter's bytes (CsvOutput), a row at a time
    CsvOutput.record(out, headers);
    for (List<Entry> r : rows) CsvOutput.record(out, r.stream().map(Entry::plain).toList());
    return out.toString();
  }

  /** A Tablesaw table: a double column where every cell holds a number, else a string column. */
  public Table table() {
    Table t = Table.create(name);
    List<List<Entry>> all = List.copyOf(rows); // each column reads every row: make them once
    for (int c = 0; c < headers.size(); c++) t.addColumns(column(all, c));
    return t;
  }

  private Column<?> column(List<List<Entry>> rows, int c) {
    boolean numeric =
        !rows.isEmpty() && rows.stream().allMatch(r -> !Double.isNaN(r.get(c).number()));
    if (numeric) {
      return DoubleColumn.create(headers.get(c), rows.stream().mapToDouble(r -> r.get(c).number()));
    }
    return StringColumn.create(headers.get(c), rows.stream().map(r -> r.get(c).plain()));
  }

  @Override
  public String toString() {
    return title + "\n" + markdown();
  }
}
