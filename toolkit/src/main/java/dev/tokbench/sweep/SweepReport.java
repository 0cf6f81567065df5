package dev.tokbench.sweep;

import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What a sweep run left in its store.
 *
 * @param name the sweep
 * @param store its results file
 * @param points points in the matrix
 * @param skipped points already done before this run
 * @param ran points run now, retried ones included
 * @param retried done points run again because they failed
 * @param rows every row of the store's done points
 */
public record SweepReport(
    String name,
    Path store,
    int points,
    int skipped,
    int ran,
    int retried,
    List<BenchResult> rows) {
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
        + points
        + " points ("
        + skipped
        + " already done, "
        + ran
        + " run"
        + (retried > 0 ? ", " + retried + " retried" : "")
        + "), "
        + rows.size()
        + " rows, "
        + failures().size()
        + " failed -> "
        + store;
  }
}
