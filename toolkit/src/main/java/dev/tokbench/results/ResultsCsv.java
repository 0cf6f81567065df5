package dev.tokbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * Reads and writes {@link BenchResult} rows as CSV with a header. Maps (flags, provenance, extra)
 * are JSON objects in one cell each; samples are joined by {@code ;}.
 */
public final class ResultsCsv {
  /** The columns, in the order they are written ({@link ResultsColumn} lists them). */
  public static final List<String> COLUMNS = ResultsColumn.labels();

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
    return ResultsCsvRows.read(ReadLimits.RESULTS.read(file), name);
  }

  /** Reads every row; {@code name} is used in error messages. */
  public static List<BenchResult> read(Reader in, String name) throws IOException {
    StringWriter text = new StringWriter();
    in.transferTo(text);
    return ResultsCsvRows.read(ReadLimits.RESULTS.check(text.toString(), name), name);
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
      return JsonInput.mapper(ReadLimits.RESULTS).writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
