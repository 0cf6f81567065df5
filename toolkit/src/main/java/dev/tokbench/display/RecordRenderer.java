package dev.tokbench.display;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Renders any record as a two-column HTML table (component, value), and a collection of records of
 * one type as an HTML table with a column per component, by reflection on the record components: a
 * new record type needs no code to look right in a notebook.
 */
final class RecordRenderer {
  static final int MAX_ROWS = 200;

  private RecordRenderer() {}

  static MimeBundle one(Record record) {
    StringBuilder out = new StringBuilder("<table class=\"tokbench\">\n<caption>");
    out.append(Html.escape(record.getClass().getSimpleName())).append("</caption>\n<tbody>\n");
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      out.append("<tr><th style=\"text-align:left\">")
          .append(Html.escape(c.getName()))
          .append("</th><td>")
          .append(Html.escape(valueText(component(record, c))))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    return MimeBundle.text(String.valueOf(record)).with(MimeBundle.HTML, out.toString());
  }

  /** True when the collection is non-empty and holds records of exactly one class. */
  static boolean isRecordList(Collection<?> values) {
    if (values.isEmpty()) {
      return false;
    }
    Class<?> first = null;
    for (Object v : values) {
      if (v == null || !v.getClass().isRecord() || (first != null && v.getClass() != first)) {
        return false;
      }
      first = v.getClass();
    }
    return true;
  }

  static MimeBundle many(Collection<?> records) {
    List<Record> rows = new ArrayList<>();
    records.forEach(r -> rows.add((Record) r));
    RecordComponent[] components = rows.get(0).getClass().getRecordComponents();
    StringBuilder out = new StringBuilder("<table class=\"tokbench\">\n<thead><tr>");
    for (RecordComponent c : components) {
      out.append("<th>").append(Html.escape(c.getName())).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    int shown = Math.min(rows.size(), MAX_ROWS);
    for (Record row : rows.subList(0, shown)) {
      out.append("<tr>");
      for (RecordComponent c : components) {
        out.append("<td>").append(Html.escape(valueText(component(row, c)))).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    if (shown < rows.size()) {
      out.append("<p>").append(rows.size() - shown).append(" more rows not shown</p>\n");
    }
    return MimeBundle.text(plainList(rows, shown)).with(MimeBundle.HTML, out.toString());
  }

  private static String plainList(List<Record> rows, int shown) {
    StringBuilder out = new StringBuilder();
    for (Record row : rows.subList(0, shown)) {
      out.append(row).append('\n');
    }
    if (shown < rows.size()) {
      out.append("... ").append(rows.size() - shown).append(" more\n");
    }
    return out.toString();
  }

  private static Object component(Record record, RecordComponent c) {
    try {
      var accessor = c.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (IllegalAccessException | RuntimeException e) {
      return "(unreadable: " + e.getClass().getSimpleName() + ")";
    } catch (InvocationTargetException e) {
      return "(threw " + e.getCause().getClass().getSimpleName() + ")";
    }
  }

  /**
   * Doubles without a trailing ".0" and NaN as blank, as the report's tables show them; a path as
   * its file name, so that outputs do not depend on where the repository was checked out.
   */
  static String valueText(Object value) {
    if (value instanceof java.nio.file.Path p && p.getFileName() != null) {
      return p.getFileName().toString();
    }
    if (value instanceof Double d) {
      if (d.isNaN()) {
        return "";
      }
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : d.toString();
    }
    return String.valueOf(value);
  }
}
