package dev.tokbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.CsvInput;
import dev.tokbench.CsvOutput;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
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
    // printed into a buffer as CSVPrinter would (CsvOutput), not into the (synchronised) writer a
    // character at a time: a fleet's file has millions of cells; the maps a read shares (ReadPool)
    // are written as JSON once
    StringBuilder buf = new StringBuilder(1 << 17);
    if (header) CsvOutput.record(buf, COLUMNS);
    Map<Map<String, String>, String> json = new java.util.IdentityHashMap<>();
    for (BenchResult r : rows) {
      CsvOutput.record(buf, cells(r, json));
      if (buf.length() >= 1 << 16) {
        out.append(buf);
        buf.setLength(0);
      }
    }
    out.append(buf);
    out.flush();
  }

  /** The cells of one row, in {@link #COLUMNS} order. */
  public static List<String> cells(BenchResult r) {
    return cells(r, new java.util.IdentityHashMap<>());
  }

  private static List<String> cells(BenchResult r, Map<Map<String, String>, String> json) {
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
        json(r.flags(), json),
        json(r.provenance(), json),
        json(r.extra(), json));
  }

  private static String json(Map<String, String> m, Map<Map<String, String>, String> written) {
    String text = written.get(m);
    if (text != null) return text;
    text = json(m);
    if (written.size() < ReadPool.MAX) written.put(m, text);
    return text;
  }

  /**
   * Reads every row of a results CSV file, within {@link ReadLimits#RESULTS} (256 MiB, 8 MiB a
   * line, 10,000 cells a row).
   */
  public static List<BenchResult> read(Path file) {
    String name = file.toString();
    return rows(ReadLimits.RESULTS.read(file), name);
  }

  /** Reads every row; {@code name} is used in error messages. */
  public static List<BenchResult> read(Reader in, String name) throws IOException {
    StringWriter text = new StringWriter();
    in.transferTo(text);
    return rows(ReadLimits.RESULTS.check(text.toString(), name), name);
  }

  private static List<BenchResult> rows(String text, String name) {
    CsvInput csv =
        CsvInput.parse(
            text,
            name,
            ReadLimits.RESULTS,
            (line, problem, cause) -> new ResultsFormatException(name, line, problem, cause));
    List<String> missing = new ArrayList<>(COLUMNS);
    missing.removeAll(csv.header());
    if (!missing.isEmpty()) {
      throw new ResultsFormatException(
          name, 1, "missing columns " + missing + "; the header has " + abbreviate(csv.header()));
    }
    List<BenchResult> rows = new ArrayList<>();
    ReadPool pool = new ReadPool();
    for (CsvInput.Row row : csv.rows()) rows.add(row(csv.header(), row, name, pool));
    return rows;
  }

  private static String abbreviate(List<String> header) {
    return JsonInput.abbreviate(header.toString());
  }

  private static BenchResult row(
      List<String> header, CsvInput.Row rec, String name, ReadPool pool) {
    if (rec.cells().size() != header.size()) {
      throw new ResultsFormatException(
          name, rec.line(), "expected " + header.size() + " cells, found " + rec.cells().size());
    }
    Function<String, String> cell = column -> rec.get(header, column);
    Function<String, String> text = column -> pool.string(rec.get(header, column)); // repeats
    try {
      return BenchResult.measured(text.apply("framework"))
          .backend(text.apply("backend"))
          .model(text.apply("model"), text.apply("quant"))
          .test(
              text.apply("test"),
              intCell(cell, "n_prompt"),
              intCell(cell, "n_gen"),
              intCell(cell, "n_depth"))
          .flashAttn(FlashAttention.parse(cell.apply("flash_attn")))
          .tokensPerS(
              doubleCell(cell, "tokens_per_s_mean"),
              doubleCell(cell, "tokens_per_s_stddev"),
              parseSamples(cell.apply("samples_ts")))
          .size(longCell(cell, "model_bytes"), longCell(cell, "n_params"))
          .device(text.apply("device"))
          .status(Status.parse(text.apply("status")), text.apply("reason"))
          .flags(pool.map(rec.get(header, "flags"), ResultsCsv::parseMap))
          .provenance(pool.map(rec.get(header, "provenance"), ResultsCsv::parseMap))
          .extra(pool.map(rec.get(header, "extra"), ResultsCsv::parseMap))
          .build();
    } catch (RuntimeException e) {
      throw new ResultsFormatException(name, rec.line(), JsonInput.abbreviate(e.getMessage()), e);
    }
  }

  private static int intCell(Function<String, String> rec, String col) {
    return cell(rec, col, 0, Integer::valueOf, "a whole number");
  }

  private static long longCell(Function<String, String> rec, String col) {
    return cell(rec, col, -1L, Long::valueOf, "a whole number");
  }

  private static double doubleCell(Function<String, String> rec, String col) {
    return cell(rec, col, Double.NaN, Double::valueOf, "a number");
  }

  /** The cell parsed; {@code ifEmpty} (unknown) when empty. */
  private static <T> T cell(
      Function<String, String> rec,
      String col,
      T ifEmpty,
      Function<String, T> parse,
      String expected) {
    String s = rec.apply(col).trim();
    if (s.isEmpty()) return ifEmpty;
    try {
      return parse.apply(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "column " + col + ": '" + JsonInput.abbreviate(s) + "' is not " + expected);
    }
  }

  private static List<Double> parseSamples(String s) {
    List<Double> out = new ArrayList<>();
    if (s.isBlank()) return out;
    for (String part : s.split(";")) {
      try {
        out.add(Double.parseDouble(part.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "column samples_ts: '" + JsonInput.abbreviate(part) + "' is not a number");
      }
    }
    return out;
  }

  private static Map<String, String> parseMap(String s) {
    if (s.isBlank()) return Map.of();
    try {
      return Json.MAPPER.readValue(s, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a JSON object of strings: " + JsonInput.abbreviate(s));
    }
  }

  static String number(double d) {
    if (Double.isNaN(d)) return "";
    boolean whole = d == Math.rint(d) && Math.abs(d) < 1e15 && !isNegativeZero(d);
    return whole ? Long.toString((long) d) : Double.toString(d);
  }

  private static boolean isNegativeZero(double d) {
    return Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0);
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
    static final ObjectMapper MAPPER = JsonInput.mapper(ReadLimits.RESULTS);
  }
}
