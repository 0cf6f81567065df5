package dev.tokbench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * CSV with a header line, as every tokbench reader of benchmark CSV takes it (RFC 4180, read with
 * commons-csv): every record knows the line it starts on, and every problem (a quote left open, a
 * header with an empty or repeated name, a row with more cells than {@link ReadLimits#maxItems}) is
 * the reader's own exception at that line, never commons-csv's.
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
      cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /** The cell under {@code column} of {@code header}, empty when this row is shorter. */
    public String get(List<String> header, String column) {
      int i = header.indexOf(column);
      return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }
  }

  /**
   * Parses {@code text} (already checked against {@code limits}' line length) from {@code source}.
   *
   * @param error makes the reader's exception for a problem at a line
   */
  public static CsvInput parse(
      String text, String source, ReadLimits limits, JsonInput.LineError error) {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();
    CSVParser parser;
    try {
      parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get();
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      throw error.at(1, "bad CSV header: " + JsonInput.abbreviate(e.getMessage()), e);
    }
    try (parser) {
      List<String> header = parser.getHeaderNames();
      if (header.size() > limits.maxItems()) {
        throw limits.tooMany(source, 1, "cells in a row", header.size());
      }
      return new CsvInput(header, rows(parser, source, limits, error));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // closing a StringReader
    }
  }

  private static List<Row> rows(
      CSVParser parser, String source, ReadLimits limits, JsonInput.LineError error) {
    List<Row> rows = new ArrayList<>();
    Iterator<CSVRecord> it = parser.iterator();
    // hasNext() parses the next record, so the line it starts on is one past the count before it
    for (long start = parser.getCurrentLineNumber() + 1;
        ;
        start = parser.getCurrentLineNumber() + 1) {
      CSVRecord rec;
      try {
        if (!it.hasNext()) return rows;
        rec = it.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        throw error.at(start, "malformed CSV: " + JsonInput.abbreviate(e.getMessage()), e);
      }
      if (rec.size() > limits.maxItems()) {
        throw limits.tooMany(source, start, "cells in a row", rec.size());
      }
      rows.add(new Row(start, rec.toList()));
    }
  }
}
