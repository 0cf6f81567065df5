package dev.tokbench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV with a header line, as every tokbench reader of benchmark CSV takes it (RFC 4180, read as
 * commons-csv's {@code CSVFormat.RFC4180} reads it; {@link CsvRecords} says how): every record
 * knows the line it starts on, and every problem (a quote left open, a header with an empty or
 * repeated name, a row with more cells than {@link ReadLimits#maxItems}) is the reader's own
 * exception at that line.
 *
 * @param header the column names, in order
 * @param rows the records after the header
 */
public record CsvInput(List<String> header, List<Row> rows) {
  public CsvInput {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /**
   * One record and the 1-based line it starts on (line 1 is the header).
   *
   * @param line where the record starts
   * @param cells its cells, as many as the record has (not necessarily as many as the header)
   */
  public record Row(long line, List<String> cells) {
    public Row {
      // the parser's own lists are immutable already: a million rows are not copied twice
      if (!(cells instanceof CsvRecords.Cells)) {
        cells = Collections.unmodifiableList(new ArrayList<>(cells));
      }
    }

    /** The cell under {@code column} of {@code header}, empty when this row is shorter. */
    public String get(List<String> header, String column) {
      return get(header.indexOf(column));
    }

    /**
     * The cell at {@code index} (a column's place in the header), empty when this row is shorter.
     */
    public String get(int index) {
      return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }
  }

  /**
   * Parses {@code text} (already checked against {@code limits}' line length) from {@code source}.
   *
   * @param error makes the reader's exception for a problem at a line
   */
  public static CsvInput parse(
      String text, String source, ReadLimits limits, JsonInput.LineError error) {
    Reader reader = read(text, source, limits, error);
    List<Row> rows = new ArrayList<>();
    for (Row row = reader.next(); row != null; row = reader.next()) rows.add(row);
    return new CsvInput(reader.header(), rows);
  }

  /**
   * The header of {@code text} and then its rows one at a time, for a reader that makes each row
   * into its own value: no row is kept, so the cells of a million-row file die young (young
   * collections are cheap; copying millions of live cells to the old generation is not). Errors are
   * those of {@link #parse}; the header's come from this call, a row's from {@link Reader#next}.
   */
  public static Reader read(
      String text, String source, ReadLimits limits, JsonInput.LineError error) {
    return new Reader(new CsvRecords(text, limits.maxItems()), source, limits, error);
  }

  /** A text's header and its rows, read one at a time ({@link #read}). */
  public static final class Reader {
    private final CsvRecords records;
    private final String source;
    private final ReadLimits limits;
    private final JsonInput.LineError error;
    private final List<String> header;

    private Reader(
        CsvRecords records, String source, ReadLimits limits, JsonInput.LineError error) {
      this.records = records;
      this.source = source;
      this.limits = limits;
      this.error = error;
      List<String> names = next("bad CSV header: ");
      this.header = names == null ? List.of() : names;
      String problem = headerProblem(header);
      if (problem != null) throw error.at(1, "bad CSV header: " + problem, null);
    }

    /** The column names, in order (none for an empty text). */
    public List<String> header() {
      return header;
    }

    /** The next row, or null after the last. */
    public Row next() {
      long start = records.line();
      List<String> cells = next("malformed CSV: ");
      return cells == null ? null : new Row(start, cells);
    }

    private List<String> next(String malformed) {
      long start = records.line();
      try {
        return records.next();
      } catch (CsvRecords.Malformed e) {
        throw e.tooMany
            ? limits.tooMany(source, start, "cells in a row")
            : error.at(start, malformed + JsonInput.abbreviate(e.getMessage()), e);
      }
    }
  }

  /** Why {@code header} names no columns (a blank or repeated name), or null when it does. */
  private static String headerProblem(List<String> header) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.trim().isEmpty()) {
        return "column " + (i + 1) + " has no name in " + JsonInput.abbreviate(header.toString());
      }
      Integer before = seen.putIfAbsent(name, i + 1);
      if (before != null) {
        return "columns "
            + before
            + " and "
            + (i + 1)
            + " are both named '"
            + JsonInput.abbreviate(name)
            + "'";
      }
    }
    return null;
  }
}
