package dev.tokbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.FileReadException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes {@link BenchResult} rows as CSV with a header. Maps (flags, provenance, extra)
 * are JSON objects in one cell each; samples are joined by {@code ;}.
 */
public final class ResultsCsv {
  /** The columns, in the order they are written. */
  public static final List<String> COLUMNS =
      List.of(
          "framework",
          "backend",
          "model",
          "quant",
          "test",
          "n_prompt",
          "n_gen",
          "n_depth",
          "flash_attn",
          "tokens_per_s_mean",
          "tokens_per_s_stddev",
          "samples_ts",
          "model_bytes",
          "n_params",
          "device",
          "status",
          "reason",
          "flags",
          "provenance",
          "extra");

  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private ResultsCsv() {}

  /** The CSV format used for writing: header line, RFC 4180 quoting, LF line ends. */
  public static CSVFormat format() {
    return CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
  }

  /** Writes rows with a header to a file, replacing it. */
  public static void write(Path file, List<BenchResult> rows) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(w, rows, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Writes rows, with the header line first when {@code header} is true. */
  public static void write(Writer out, List<BenchResult> rows, boolean header) throws IOException {
    CSVPrinter p = new CSVPrinter(out, format());
    if (header) p.printRecord(COLUMNS);
    for (BenchResult r : rows) p.printRecord(cells(r));
    p.flush();
  }

  /** The cells of one row, in {@link #COLUMNS} order. */
  public static List<String> cells(BenchResult r) {
    return List.of(
        r.framework(),
        r.backend(),
        r.model(),
        r.quant(),
        r.test(),
        Integer.toString(r.nPrompt()),
        Integer.toString(r.nGen()),
        Integer.toString(r.nDepth()),
        r.flashAttn().label(),
        number(r.tokensPerSMean()),
        number(r.tokensPerSStddev()),
        samples(r.samples()),
        count(r.modelBytes()),
        count(r.nParams()),
        r.device(),
        r.status().label(),
        r.reason(),
        json(r.flags()),
        json(r.provenance()),
        json(r.extra()));
  }

  /** Reads every row of a results CSV file. */
  public static List<BenchResult> read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
  }

  /** Reads every row; {@code name} is used in error messages. */
  public static List<BenchResult> read(Reader in, String name) throws IOException {
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(f).get()) {
      List<String> missing = new ArrayList<>(COLUMNS);
      missing.removeAll(parser.getHeaderNames());
      if (!missing.isEmpty()) {
        throw new ResultsFormatException(
            name, 1, "missing columns " + missing + "; the header has " + parser.getHeaderNames());
      }
      List<BenchResult> rows = new ArrayList<>();
      for (CSVRecord rec : parser) rows.add(row(rec, name));
      return rows;
    } catch (java.io.UncheckedIOException e) {
      throw new ResultsFormatException(name, -1, "malformed CSV: " + e.getMessage(), e);
    }
  }

  private static BenchResult row(CSVRecord rec, String name) {
    long line = parserLine(rec);
    if (!rec.isConsistent()) {
      throw new ResultsFormatException(
          name,
          line,
          "expected " + rec.getParser().getHeaderNames().size() + " cells, found " + rec.size());
    }
    try {
      return BenchResult.measured(rec.get("framework"))
          .backend(rec.get("backend"))
          .model(rec.get("model"), rec.get("quant"))
          .test(
              rec.get("test"),
              intCell(rec, "n_prompt"),
              intCell(rec, "n_gen"),
              intCell(rec, "n_depth"))
          .flashAttn(FlashAttention.parse(rec.get("flash_attn")))
          .tokensPerS(
              doubleCell(rec, "tokens_per_s_mean"),
              doubleCell(rec, "tokens_per_s_stddev"),
              parseSamples(rec.get("samples_ts")))
          .size(longCell(rec, "model_bytes"), longCell(rec, "n_params"))
          .device(rec.get("device"))
          .status(Status.parse(rec.get("status")), rec.get("reason"))
          .flags(parseMap(rec.get("flags")))
          .provenance(parseMap(rec.get("provenance")))
          .extra(parseMap(rec.get("extra")))
          .build();
    } catch (RuntimeException e) {
      throw new ResultsFormatException(name, line, e.getMessage(), e);
    }
  }

  private static long parserLine(CSVRecord rec) {
    // getRecordNumber counts data records from 1; the header is line 1 of the file.
    return rec.getRecordNumber() + 1;
  }

  private static int intCell(CSVRecord rec, String col) {
    return cell(rec, col, 0, Integer::valueOf, "a whole number");
  }

  private static long longCell(CSVRecord rec, String col) {
    return cell(rec, col, -1L, Long::valueOf, "a whole number");
  }

  private static double doubleCell(CSVRecord rec, String col) {
    return cell(rec, col, Double.NaN, Double::valueOf, "a number");
  }

  /** The cell parsed; {@code ifEmpty} (unknown) when empty. */
  private static <T> T cell(
      CSVRecord rec, String col, T ifEmpty, Function<String, T> parse, String expected) {
    String s = rec.get(col).trim();
    if (s.isEmpty()) return ifEmpty;
    try {
      return parse.apply(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("column " + col + ": '" + s + "' is not " + expected);
    }
  }

  private static List<Double> parseSamples(String s) {
    List<Double> out = new ArrayList<>();
    if (s.isBlank()) return out;
    for (String part : s.split(";")) {
      try {
        out.add(Double.parseDouble(part.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("column samples_ts: '" + part + "' is not a number");
      }
    }
    return out;
  }

  private static Map<String, String> parseMap(String s) {
    if (s.isBlank()) return Map.of();
    try {
      return Json.MAPPER.readValue(s, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object of strings: " + s);
    }
  }

  static String number(double d) {
    if (Double.isNaN(d)) return "";
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static String count(long n) {
    return n < 0 ? "" : Long.toString(n);
  }

  private static String samples(List<Double> s) {
    StringBuilder b = new StringBuilder();
    for (Double d : s) b.append(b.length() == 0 ? "" : ";").append(number(d));
    return b.toString();
  }

  private static String json(Map<String, String> m) {
    if (m.isEmpty()) return "";
    try {
      return Json.MAPPER.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Jackson's databind, loaded when a JSON cell is first read or written, not with the header. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
