package dev.tokbench.run;

import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What one launch produced: its rows (measured and failed, each with provenance), how the process
 * ended, and where its log is.
 *
 * @param rows every row, in the order the tests finished, failure rows last
 * @param outcome how the process ended
 * @param log the run log, or {@code null} when none was kept
 */
public record RunResult(List<BenchResult> rows, ProcessOutcome outcome, Path log) {
  public RunResult {
    rows = List.copyOf(rows);
    Objects.requireNonNull(outcome, "outcome");
  }

  /** True when every row is ok and there is at least one. */
  public boolean allOk() {
    return !rows.isEmpty() && rows.stream().allMatch(BenchResult::ok);
  }

  /** The rows that are not ok. */
  public List<BenchResult> failures() {
    return rows.stream().filter(r -> !r.ok()).toList();
  }

  @Override
  public String toString() {
    long ok = rows.stream().filter(BenchResult::ok).count();
    return rows.size() + " rows (" + ok + " ok) — " + outcome + (log == null ? "" : ", log " + log);
  }
}
