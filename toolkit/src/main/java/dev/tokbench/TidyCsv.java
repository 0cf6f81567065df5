package dev.tokbench;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small tidy CSV file (header line, one observation per row, units in column names) read whole,
 * with every cell error reported as {@code file:line: column 'x': …} through {@link
 * DataFileException}. Used for the device catalogue and the transcribed report figures.
 *
 * @param name the file name used in messages
 * @param columns the header, in order
 * @param rows the data rows
 */
public record TidyCsv(String name, List<String> columns, List<Row> rows) {
  public TidyCsv {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** Reads a file and checks that every {@code required} column is in its header. */
  public static TidyCsv read(Path file, List<String> required) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString(), required);
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
  }

  /** Reads CSV text; {@code name} is used in messages. */
  public static TidyCsv parse(String text, String name, List<String> required) {
    try {
      return read(new StringReader(text), name, required);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TidyCsv read(Reader in, String name, List<String> required) throws IOException {
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(f).get()) {
      List<String> header = parser.getHeaderNames();
      List<String> missing = new ArrayList<>(required);
      missing.removeAll(header);
      if (!missing.isEmpty()) {
        throw new DataFileException(name, 1, "missing columns " + missing + "; found " + header);
      }
      return new TidyCsv(name, header, rows(parser, name, header));
    } catch (UncheckedIOException e) {
      throw new DataFileException(name, -1, "malformed CSV: " + e.getMessage());
    }
  }

  private static List<Row> rows(CSVParser parser, String name, List<String> header) {
    List<Row> rows = new ArrayList<>();
    Iterator<CSVRecord> it = parser.iterator();
    // hasNext() parses the next record, so the line it starts on is one past the count before it
    for (long start = parser.getCurrentLineNumber(); it.hasNext(); ) {
      CSVRecord rec = it.next();
      long line = start + 1;
      if (rec.size() != header.size()) {
        throw new DataFileException(
            name, line, "expected " + header.size() + " cells, found " + rec.size());
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) cells.put(header.get(i), rec.get(i).trim());
      rows.add(new Row(name, line, cells));
      start = parser.getCurrentLineNumber();
    }
    return rows;
  }

  /**
   * One data row with typed access; every failure names the file, line and column.
   *
   * @param file the file name
   * @param line the 1-based line the row starts on
   * @param cells cell text by column, trimmed
   */
  public record Row(String file, long line, Map<String, String> cells) {
    public Row {
      cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** The cell's text, possibly empty. */
    public String text(String column) {
      String s = cells.get(column);
      if (s == null) throw error("no column '" + column + "'; columns are " + cells.keySet());
      return s;
    }

    /** The cell's text, which must not be empty. */
    public String required(String column) {
      String s = text(column);
      if (s.isEmpty()) throw error("column '" + column + "' is empty");
      return s;
    }

    /** A number that must be present. */
    public double number(String column) {
      String s = required(column);
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw error("column '" + column + "': '" + s + "' is not a number");
      }
    }

    /** A number, or NaN when the cell is empty (not measured). */
    public double optionalNumber(String column) {
      return text(column).isEmpty() ? Double.NaN : number(column);
    }

    /** A whole number, or -1 when the cell is empty. */
    public long optionalCount(String column) {
      String s = text(column);
      if (s.isEmpty()) return -1;
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw error("column '" + column + "': '" + s + "' is not a whole number");
      }
    }

    /** A whole number that must be present. */
    public long count(String column) {
      required(column);
      return optionalCount(column);
    }

    /** An exception that points at this row. */
    public DataFileException error(String message) {
      return new DataFileException(file, line, message);
    }
  }
}
