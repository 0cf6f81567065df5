package dev.tokbench.formats.llamabench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.BadInputException;
import dev.tokbench.CsvInput;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits llama-bench's json, jsonl, csv and sql output into records of printed fields. */
final class LlamaBenchParsers {
  private static final ObjectMapper JSON = JsonInput.mapper(ReadLimits.LLAMA_BENCH);

  private LlamaBenchParsers() {}

  /** The records of a complete or truncated JSON array, and where it stopped if truncated. */
  record Parsed(List<LlamaBenchRecord> records, String truncation) {}

  static Parsed json(String text, String source) {
    List<LlamaBenchRecord> out = new ArrayList<>();
    boolean inTest = false;
    try (JsonParser p = JSON.createParser(new StringReader(text))) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new LlamaBenchFormatException(source, 1, "expected a JSON array");
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        long line = p.currentLocation().getLineNr();
        if (t != JsonToken.START_OBJECT) {
          throw new LlamaBenchFormatException(source, line, "expected a JSON object, got " + t);
        }
        inTest = true;
        out.add(new LlamaBenchRecord(fields(p), LlamaBenchFormat.JSON, line));
        inTest = false;
      }
      return new Parsed(out, null);
    } catch (JsonProcessingException e) {
      long line = JsonInput.line(e, null);
      if (!(e instanceof JsonEOFException)) throw failure(source, e, null);
      return new Parsed(
          out,
          inTest
              ? "the JSON ends in the middle of a test at line " + line + " (run cut short?)"
              : "the JSON array ends before ']' after " + out.size() + " tests (run cut short?)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<LlamaBenchRecord> jsonl(String text, String source) {
    List<LlamaBenchRecord> out = new ArrayList<>();
    long lineNo = 0;
    for (String line : (Iterable<String>) text.lines()::iterator) {
      lineNo++;
      if (!line.isBlank()) out.add(jsonLine(line, source, lineNo));
    }
    return out;
  }

  /** One line of {@code -o jsonl}: a whole test as one JSON object. */
  static LlamaBenchRecord jsonLine(String line, String source, long lineNo) {
    return new LlamaBenchRecord(
        jsonLineFields(line, source, lineNo), LlamaBenchFormat.JSONL, lineNo);
  }

  /**
   * The fields of one jsonl line, read with Jackson's streaming parser rather than a tree: a
   * running llama-bench's stdout is parsed while it runs, and a tree per line was the launcher's
   * largest cost per row.
   */
  static Map<String, String> jsonLineFields(String line, String source, long lineNo) {
    try (JsonParser p = JSON.getFactory().createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new LlamaBenchFormatException(source, lineNo, "expected a JSON object per line");
      }
      return fields(p);
    } catch (JsonProcessingException e) {
      throw JsonInput.failure(ReadLimits.LLAMA_BENCH, source, lineNo, e, lineError(source));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The object whose {@code START_OBJECT} the parser is on, as field name to printed text: numbers
   * exactly as printed, {@code null} as empty, arrays ({@code samples_ts}) joined by {@code ;},
   * nested objects as JSON text.
   */
  private static Map<String, String> fields(JsonParser p) throws IOException {
    Map<String, String> fields = new LlamaBenchRecord.Parsed();
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      fields.put(name, text(p, p.nextToken()));
    }
    return fields;
  }

  private static String text(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) return "";
    if (t == JsonToken.START_OBJECT) return JSON.readTree(p).toString();
    if (t != JsonToken.START_ARRAY) return p.getText();
    StringBuilder b = new StringBuilder();
    for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
      if (item == null) throw new JsonEOFException(p, null, "Unexpected end-of-input in an array");
      b.append(b.length() == 0 ? "" : ";").append(text(p, item));
    }
    return b.toString();
  }

  private static BadInputException failure(String source, JsonProcessingException e, JsonParser p) {
    return JsonInput.failure(ReadLimits.LLAMA_BENCH, source, e, p, lineError(source));
  }

  private static JsonInput.LineError lineError(String source) {
    return (line, problem, cause) -> new LlamaBenchFormatException(source, line, problem, cause);
  }

  static List<LlamaBenchRecord> csv(String text, String source) {
    CsvInput csv = CsvInput.parse(text, source, ReadLimits.LLAMA_BENCH, lineError(source));
    List<LlamaBenchRecord> out = new ArrayList<>();
    for (CsvInput.Row row : csv.rows()) {
      if (row.cells().size() != csv.header().size()) {
        throw new LlamaBenchFormatException(
            source,
            row.line(),
            "expected " + csv.header().size() + " cells, found " + row.cells().size());
      }
      out.add(
          new LlamaBenchRecord(zip(csv.header(), row.cells()), LlamaBenchFormat.CSV, row.line()));
    }
    return out;
  }

  static List<LlamaBenchRecord> sql(String text, String source) {
    List<LlamaBenchRecord> out = new ArrayList<>();
    long lineNo = 0;
    for (String line : (Iterable<String>) text.lines()::iterator) {
      lineNo++;
      if (line.startsWith("INSERT INTO")) out.add(insert(line, source, lineNo));
    }
    return out;
  }

  // INSERT INTO llama_bench (f1, f2, ...) VALUES ('v1', 'v2', ...);
  private static LlamaBenchRecord insert(String line, String source, long lineNo) {
    int open = line.indexOf('(');
    int values = line.indexOf(") VALUES (");
    if (open < 0 || values < open || !line.endsWith(");")) {
      throw new LlamaBenchFormatException(
          source, lineNo, "expected INSERT INTO llama_bench (...) VALUES (...);");
    }
    List<String> names = List.of(line.substring(open + 1, values).split(",\\s*"));
    List<String> cells = quoted(line.substring(values + 10, line.length() - 2), source, lineNo);
    if (names.size() != cells.size()) {
      throw new LlamaBenchFormatException(
          source,
          lineNo,
          names.size()
              + " columns but "
              + cells.size()
              + (cells.size() == 1 ? " value" : " values"));
    }
    return new LlamaBenchRecord(zip(names, cells), LlamaBenchFormat.SQL, lineNo);
  }

  /** Splits {@code 'a', 'b''c'} into {@code a} and {@code b'c}. */
  private static List<String> quoted(String s, String source, long lineNo) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) != '\'') {
        throw new LlamaBenchFormatException(
            source, lineNo, "expected a quoted value at column " + (i + 1) + " of the values");
      }
      StringBuilder b = new StringBuilder();
      int j = i + 1;
      while (j < s.length() && !(s.charAt(j) == '\'' && !s.startsWith("''", j))) {
        b.append(s.charAt(j));
        j += s.startsWith("''", j) ? 2 : 1;
      }
      out.add(b.toString());
      i = j + 1;
      while (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == ' ')) i++;
    }
    return out;
  }

  static Map<String, String> zip(List<String> names, List<String> values) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) m.put(names.get(i).trim(), values.get(i));
    return m;
  }
}
