package dev.tokbench.formats.mlc;

import dev.tokbench.BadLineException;
import dev.tokbench.CsvInput;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
   * Limits ({@link ReadLimits#SERVING_OUTPUT}): 64 MiB, 10,000 cells a row.
   */
  public static List<BenchResult> read(Path file, String model) {
    String source = file.toString();
    CsvInput csv =
        CsvInput.parse(
            ReadLimits.SERVING_OUTPUT.read(file),
            source,
            ReadLimits.SERVING_OUTPUT,
            (line, problem, cause) -> new BadLineException(source, line, problem, cause));
    if (!csv.header().contains("output_token_throughput")) {
      throw new BadLineException(
          source,
          1,
          "not an MLC LLM bench CSV (no output_token_throughput column); columns: "
              + JsonInput.abbreviate(csv.header().toString()),
          null);
    }
    List<BenchResult> rows = new ArrayList<>();
    for (CsvInput.Row rec : csv.rows())
      rows.add(row(cells(csv.header(), rec), model, file, rec.line()));
    return rows;
  }

  /** The row's cells by column; a short row leaves its last columns out, as pandas would. */
  private static Map<String, String> cells(List<String> header, CsvInput.Row rec) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(header.size(), rec.cells().size()); i++) {
      cells.put(header.get(i), rec.cells().get(i));
    }
    return cells;
  }

  private static BenchResult row(Map<String, String> cells, String model, Path file, long line) {
    Map<String, String> extra = new LinkedHashMap<>(cells);
    extra.put(
        "tokens_per_s_basis", "output_token_throughput: output tokens of all requests / duration");
    String text = cells.getOrDefault("output_token_throughput", "");
    double tps;
    try {
      tps = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      tps = Double.NaN;
    }
    // a pipeline that completed no request has no throughput (pandas writes NaN as empty)
    boolean done = !"0".equals(cells.getOrDefault("num_completed_requests", "1"));
    if (done && (!(tps >= 0) || Double.isInfinite(tps))) {
      throw new BadLineException(
          file.toString(),
          line,
          "output_token_throughput '" + JsonInput.abbreviate(text) + "' is not a number >= 0",
          null);
    }
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
