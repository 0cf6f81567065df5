package dev.tokbench.report;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MergedRuns;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records, while the result tables are built, which cell each row went to, so that every row of a
 * folder is in exactly one cell or in the "not shown" list with its reason. Rows are told apart by
 * identity: two equal rows (the same run saved twice) are still two rows.
 */
final class Placements {
  private final Map<BenchResult, Placement> placed = new IdentityHashMap<>();

  /** Every run of {@code c} is in this cell. */
  void place(MergedRuns c, String table, int row, int column) {
    for (BenchResult r : c.runs()) place(r, table, row, column);
  }

  /** One row is in this cell; a row placed twice is a bug in a table, not in the data. */
  void place(BenchResult r, String table, int row, int column) {
    Placement before = placed.putIfAbsent(r, new Placement(r, table, row, column, ""));
    if (before != null) {
      throw new IllegalStateException(r + " placed twice: " + before.table() + " and " + table);
    }
  }

  /** True when the row has a cell already. */
  boolean has(BenchResult r) {
    return placed.containsKey(r);
  }

  /** Every row of {@code all} in order: its cell, or {@code why} it has none. */
  List<Placement> of(List<BenchResult> all, java.util.function.Function<BenchResult, String> why) {
    List<Placement> out = new ArrayList<>(all.size());
    for (BenchResult r : all) {
      Placement p = placed.get(r);
      out.add(p != null ? p : new Placement(r, "", -1, -1, why.apply(r)));
    }
    return out;
  }
}
