package dev.tokbench.results;

import static dev.tokbench.results.ResultsColumn.BACKEND;
import static dev.tokbench.results.ResultsColumn.DEVICE;
import static dev.tokbench.results.ResultsColumn.EXTRA;
import static dev.tokbench.results.ResultsColumn.FLAGS;
import static dev.tokbench.results.ResultsColumn.FLASH_ATTN;
import static dev.tokbench.results.ResultsColumn.FRAMEWORK;
import static dev.tokbench.results.ResultsColumn.MODEL;
import static dev.tokbench.results.ResultsColumn.MODEL_BYTES;
import static dev.tokbench.results.ResultsColumn.N_DEPTH;
import static dev.tokbench.results.ResultsColumn.N_GEN;
import static dev.tokbench.results.ResultsColumn.N_PARAMS;
import static dev.tokbench.results.ResultsColumn.N_PROMPT;
import static dev.tokbench.results.ResultsColumn.PROVENANCE;
import static dev.tokbench.results.ResultsColumn.QUANT;
import static dev.tokbench.results.ResultsColumn.REASON;
import static dev.tokbench.results.ResultsColumn.SAMPLES_TS;
import static dev.tokbench.results.ResultsColumn.STATUS;
import static dev.tokbench.results.ResultsColumn.TEST;
import static dev.tokbench.results.ResultsColumn.TOKENS_PER_S_MEAN;
import static dev.tokbench.results.ResultsColumn.TOKENS_PER_S_STDDEV;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.CsvInput;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of one results CSV file ({@link ResultsCsv#read}): each column's place in the header is
 * found once, not once a cell, and cells that repeat share one value ({@link ReadPool}).
 */
final class ResultsCsvRows {
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private final String name;
  private final List<String> header;
  private final int[] at = new int[ResultsColumn.values().length]; // by ordinal: header index
  private final ReadPool pool = new ReadPool();
  private List<String> cells; // the row being read

  private ResultsCsvRows(String name, List<String> header) {
    this.name = name;
    this.header = header;
    List<String> missing = new ArrayList<>();
    for (ResultsColumn c : ResultsColumn.values()) {
      at[c.ordinal()] = header.indexOf(c.label());
      if (at[c.ordinal()] < 0) missing.add(c.label());
    }
    if (!missing.isEmpty()) {
      throw new ResultsFormatException(
          name,
          1,
          "missing columns "
              + missing
              + "; the header has "
              + JsonInput.abbreviate(header.toString()));
    }
  }

  /** Every row of {@code text} (checked against {@link ReadLimits#RESULTS}); errors name it. */
  static List<BenchResult> read(String text, String name) {
    CsvInput.Reader csv =
        CsvInput.read(
            text,
            name,
            ReadLimits.RESULTS,
            (line, problem, cause) -> new ResultsFormatException(name, line, problem, cause));
    ResultsCsvRows reader = new ResultsCsvRows(name, csv.header());
    List<BenchResult> rows = new ArrayList<>();
    for (CsvInput.Row row = csv.next(); row != null; row = csv.next()) rows.add(reader.row(row));
    return rows;
  }

  private BenchResult row(CsvInput.Row rec) {
    int width = header.size();
    if (rec.cells().size() != width) {
      throw new ResultsFormatException(
          name, rec.line(), "expected " + width + " cells, found " + rec.cells().size());
    }
    cells = rec.cells();
    try {
      return BenchResult.measured(text(FRAMEWORK))
          .backend(text(BACKEND))
          .model(text(MODEL), text(QUANT))
          .test(text(TEST), intCell(N_PROMPT), intCell(N_GEN), intCell(N_DEPTH))
          .flashAttn(FlashAttention.parse(cell(FLASH_ATTN)))
          .tokensPerS(
              doubleCell(TOKENS_PER_S_MEAN),
              doubleCell(TOKENS_PER_S_STDDEV),
              samples(cell(SAMPLES_TS)))
          .size(longCell(MODEL_BYTES), longCell(N_PARAMS))
          .device(text(DEVICE))
          .status(Status.parse(text(STATUS)), text(REASON))
          .flags(map(FLAGS))
          .provenance(map(PROVENANCE))
          .extra(map(EXTRA))
          .build();
    } catch (RuntimeException e) {
      throw new ResultsFormatException(name, rec.line(), JsonInput.abbreviate(e.getMessage()), e);
    }
  }

  private String cell(ResultsColumn c) {
    return cells.get(at[c.ordinal()]);
  }

  /** A cell whose value repeats across rows (a model, a device): the pool's copy. */
  private String text(ResultsColumn c) {
    return pool.string(cell(c));
  }

  private Map<String, String> map(ResultsColumn c) {
    return pool.map(cell(c), ResultsCsvRows::parseMap);
  }

  private int intCell(ResultsColumn c) {
    return parsed(c, 0, Integer::valueOf, "a whole number");
  }

  private long longCell(ResultsColumn c) {
    return parsed(c, -1L, Long::valueOf, "a whole number");
  }

  private double doubleCell(ResultsColumn c) {
    return parsed(c, Double.NaN, Double::valueOf, "a number");
  }

  /** The cell parsed; {@code ifEmpty} (unknown) when empty. */
  private <T> T parsed(ResultsColumn c, T ifEmpty, Function<String, T> parse, String expected) {
    String s = cell(c).trim();
    if (s.isEmpty()) return ifEmpty;
    try {
      return parse.apply(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "column " + c.label() + ": '" + JsonInput.abbreviate(s) + "' is not " + expected);
    }
  }

  /**
   * {@code 1.5;2;3.25}. As {@code String.split(";")} read it before: empty parts at the end are
   * dropped (so {@code ;} alone is no samples), an empty part before another is not a number.
   */
  static List<Double> samples(String s) {
    List<Double> out = new ArrayList<>();
    if (s.isBlank()) return out;
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ';') end--;
    for (int from = 0; from < end; ) {
      int to = s.indexOf(';', from);
      if (to < 0 || to > end) to = end;
      String part = s.substring(from, to);
      try {
        out.add(Double.parseDouble(part.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "column samples_ts: '" + JsonInput.abbreviate(part) + "' is not a number");
      }
      from = to + 1;
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

  /** Jackson's databind, loaded when a JSON cell is first read, not with the header. */
  private static final class Json {
    static final ObjectMapper MAPPER = JsonInput.mapper(ReadLimits.RESULTS);
  }
}
