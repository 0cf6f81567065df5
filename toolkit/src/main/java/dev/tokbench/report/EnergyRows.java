package dev.tokbench.report;

import dev.tokbench.results.BenchResult;
import java.util.List;

/**
 * The folder's measured rows that carry energy ({@code j_per_tok} and {@code mean_w} from a run
 * with {@code --energy}), for {@link EnergyTable} and {@link EnergyChart}; a folder without any
 * gets neither, so its report reads as before.
 */
final class EnergyRows {
  private EnergyRows() {}

  static List<BenchResult> of(DataFolder data) {
    return data.measured().stream()
        .filter(r -> r.ok() && number(r, "j_per_tok") > 0 && number(r, "mean_w") > 0)
        .toList();
  }

  /** A figure of the row's extra, NaN when absent or not a number. */
  static double number(BenchResult r, String key) {
    String v = r.extra().get(key);
    if (v == null || v.isBlank()) return Double.NaN;
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** How the row names the configuration in the table and on the chart. */
  static List<String> labels(DataFolder data, List<BenchResult> rows) {
    return Labels.distinct(
        rows, r -> Labels.framework(r) + " " + Labels.chartLabel(data, r) + " " + r.test());
  }
}
