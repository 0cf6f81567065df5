package dev.tokbench.tables;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * {@link BenchResult} rows as a Tablesaw {@link Table}, and grouped summaries of it, so that
 * notebooks filter, sort and plot results with Tablesaw's own API.
 *
 * <pre>{@code
 * Table t = BenchTable.of(results);
 * BenchTable.summarize(t, "framework", "test")   // mean and stddev of tokens/s per group
 * }</pre>
 */
public final class BenchTable {
  /** The numeric column that {@link #summarize} aggregates. */
  public static final String TOKENS_PER_S = "tokens_per_s_mean";

  private BenchTable() {}

  /**
   * One row per result with the CSV schema's scalar columns (maps and samples left out; {@code
   * n_samples} counts them). Unknown numbers are missing values, not zero.
   */
  public static Table of(List<BenchResult> results) {
    Table t = Table.create("results");
    t.addColumns(
        text("framework", results, BenchResult::framework),
        text("backend", results, BenchResult::backend),
        text("model", results, BenchResult::model),
        text("quant", results, BenchResult::quant),
        text("flash_attn", results, r -> r.flashAttn().label()),
        text("test", results, BenchResult::test),
        IntColumn.create("n_prompt", results.stream().mapToInt(BenchResult::nPrompt)),
        IntColumn.create("n_gen", results.stream().mapToInt(BenchResult::nGen)),
        IntColumn.create("n_depth", results.stream().mapToInt(BenchResult::nDepth)),
        number(TOKENS_PER_S, results, BenchResult::tokensPerSMean),
        number("tokens_per_s_stddev", results, BenchResult::tokensPerSStddev),
        IntColumn.create("n_samples", results.stream().mapToInt(r -> r.samples().size())),
        count("model_bytes", results, BenchResult::modelBytes),
        count("n_params", results, BenchResult::nParams),
        text("device", results, BenchResult::device),
        text("status", results, r -> r.status().label()),
        text("reason", results, BenchResult::reason));
    return t;
  }

  /**
   * Mean, standard deviation and count of {@code tokens_per_s_mean} per group of {@code groupBy}
   * columns, over the rows that hold a measurement.
   */
  public static Table summarize(Table results, String... groupBy) {
    Table measured = results.where(results.stringColumn("status").isEqualTo(Status.OK.label()));
    return measured
        .summarize(
            TOKENS_PER_S,
            AggregateFunctions.mean,
            AggregateFunctions.stdDev,
            AggregateFunctions.count)
        .by(groupBy);
  }

  private static StringColumn text(
      String name, List<BenchResult> rs, java.util.function.Function<BenchResult, String> f) {
    return StringColumn.create(name, rs.stream().map(f));
  }

  /** Shown with two decimals, as llama-bench prints t/s; the column keeps every digit. */
  private static DoubleColumn number(
      String name, List<BenchResult> rs, ToDoubleFunction<BenchResult> f) {
    DoubleColumn c = DoubleColumn.create(name, rs.stream().mapToDouble(f));
    DecimalFormat twoDecimals =
        new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    c.setPrintFormatter(new NumberColumnFormatter(twoDecimals, ""));
    return c;
  }

  private static LongColumn count(
      String name, List<BenchResult> rs, ToLongFunction<BenchResult> f) {
    LongColumn c = LongColumn.create(name);
    for (BenchResult r : rs) {
      long v = f.applyAsLong(r);
      if (v < 0) c.appendMissing();
      else c.append(v);
    }
    return c;
  }
}
