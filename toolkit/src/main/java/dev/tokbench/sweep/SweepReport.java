package dev.tokbench.sweep;

import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What a sweep run left in its store.
 *
 * @param name the sweep
 * @param store its results file
 * @param cells cells in the matrix
 * @param skipped cells already done before this run
 * @param ran cells run now
 * @param rows every row of the store's done cells
 */
public record SweepReport(
    String name, Path store, int cells, int skipped, int ran, List<BenchResult> rows) {
  public SweepReport {
    rows = List.copyOf(rows);
  }

  /** Rows that are not ok. */
  public List<BenchResult> failures() {
    return rows.stream().filter(r -> !r.ok()).toList();
  }

  @Override
  public String toString() {
    return "sweep "
        + name
        + ": "
        + cells
        + " cells ("
        + skipped
        + " already done, "
        + ran
        + " run), "
        + rows.size()
        + " rows, "
        + failures().size()
        + " failed -> "
        + store;
  }
}
