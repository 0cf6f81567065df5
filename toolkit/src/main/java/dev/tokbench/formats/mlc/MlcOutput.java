package dev.tokbench.formats.mlc;

import dev.tokbench.BadInputException;
import dev.tokbench.FileReadException;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The {@code --output} CSV of MLC LLM's benchmark, {@code python -m mlc_llm.bench}, as rows. As of
 * mlc-llm's {@code python/mlc_llm/bench/__main__.py} (2025) each row is one pipeline's report from
 * {@code generate_metrics_summary}, flattened with dots: {@code output_token_throughput}, {@code
 * input_token_throughput}, {@code duration}, request counts, and per metric ({@code
 * time_per_output_token_s}, {@code time_to_first_token_s}, {@code inter_token_latency_s}, {@code
 * end_to_end_latency_s} …) {@code .mean}, {@code .stddev}, {@code .min}, {@code .max}, {@code
 * .quantiles.p50} ….
 */
public final class MlcOutput {
  private MlcOutput() {}

  /**
   * One row per pipeline: tokens/s is {@code output_token_throughput}; every column kept in extra.
   */
  public static List<BenchResult> read(Path file, String model) {
    FileReadException.requireReadable(file);
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(f).get()) {
      if (!p.getHeaderNames().contains("output_token_throughput")) {
        throw new BadInputException(
            file
                + ": not an MLC LLM bench CSV (no output_token_throughput column); columns: "
                + p.getHeaderNames());
      }
      List<BenchResult> rows = new ArrayList<>();
      for (CSVRecord rec : p) rows.add(row(rec.toMap(), model, file, rec.getRecordNumber() + 1));
      return rows;
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static BenchResult row(Map<String, String> cells, String model, Path file, long line) {
    Map<String, String> extra = new LinkedHashMap<>(cells);
    extra.put(
        "tokens_per_s_basis", "output_token_throughput: output tokens of all requests / duration");
    double tps;
    try {
      tps = Double.parseDouble(cells.get("output_token_throughput"));
    } catch (NumberFormatException e) {
      throw new BadInputException(
          file
              + ":"
              + line
              + ": output_token_throughput '"
              + cells.get("output_token_throughput")
              + "' is not a number");
    }
    boolean done = !"0".equals(cells.getOrDefault("num_completed_requests", "1"));
    return BenchResult.measured("mlc-llm")
        .model(model, "")
        .test("serve", 0, 0, 0)
        .tokensPerS(done ? tps : Double.NaN, Double.NaN, List.of())
        .status(done ? Status.OK : Status.FAILED, done ? "" : "no request completed")
        .provenance(Map.of("source", file.toString()))
        .extra(extra)
        .build();
  }
}
