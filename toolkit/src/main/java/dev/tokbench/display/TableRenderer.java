package dev.tokbench.display;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a Tablesaw {@link Table} as an HTML table (tablesaw-core has no working HTML writer) and
 * as Tablesaw's own text layout. At most {@value #MAX_ROWS} rows are shown; a last line says how
 * many were left out.
 */
final class TableRenderer implements Renderer<Table> {
  static final int MAX_ROWS = 200;

  @Override
  public MimeBundle render(Table table) {
    String plain = table.rowCount() <= MAX_ROWS ? table.printAll() : table.print(MAX_ROWS);
    return MimeBundle.text(plain).with(MimeBundle.HTML, html(table));
  }

  static String html(Table table) {
    StringBuilder out = new StringBuilder("<table class=\"tokbench\">\n");
    if (!table.name().isBlank()) {
      out.append("<caption>").append(Html.escape(table.name())).append("</caption>\n");
    }
    out.append("<thead><tr>");
    for (String name : table.columnNames()) {
      out.append("<th>").append(Html.escape(name)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    int shown = Math.min(table.rowCount(), MAX_ROWS);
    for (int row = 0; row < shown; row++) {
      appendRow(out, table, row);
    }
    out.append("</tbody>\n</table>\n");
    if (shown < table.rowCount()) {
      out.append("<p>").append(table.rowCount() - shown).append(" more rows not shown</p>\n");
    }
    return out.toString();
  }

  private static void appendRow(StringBuilder out, Table table, int row) {
    out.append("<tr>");
    for (Column<?> column : table.columns()) {
      boolean numeric = column instanceof NumericColumn;
      out.append(numeric ? "<td style=\"text-align:right\">" : "<td>")
          .append(Html.escape(column.getString(row)))
          .append("</td>");
    }
    out.append("</tr>\n");
  }
}
