package dev.tokbench.report;

import dev.tokbench.results.BenchResult;

/**
 * Where one row of a data folder is shown: the result table, row and column of its cell, or, for a
 * row no result table holds, why not (failed, not installed, a duplicate file …).
 *
 * @param row the row
 * @param table the table's name, empty when not shown
 * @param tableRow the row of the table (0-based), -1 when not shown
 * @param column the column of the table (0-based), -1 when not shown
 * @param reason why it is not shown, empty when it is
 */
public record Placement(BenchResult row, String table, int tableRow, int column, String reason) {
  /** True when the row is in a table cell. */
  public boolean shown() {
    return !table.isEmpty();
  }

  @Override
  public String toString() {
    return row + (shown() ? " -> " + table + "[" + tableRow + "][" + column + "]" : ": " + reason);
  }
}
