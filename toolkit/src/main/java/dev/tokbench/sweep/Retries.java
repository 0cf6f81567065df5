package dev.tokbench.sweep;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultStore;
import dev.tokbench.results.Status;
import java.util.List;

/**
 * Which done points a re-run of a sweep runs again: those with a {@code failed} or {@code hung} row
 * (a crash, a driver fault, a stuck process may not recur), at most {@code times} more times each;
 * {@code oom} rows only when asked, as a configuration that did not fit will not fit again on the
 * same machine. The attempt a row belongs to is in its provenance ({@value #ATTEMPT_KEY}); rows of
 * older stores, without it, are a first attempt.
 *
 * @param times how many times a point may be retried, over all re-runs; 0 for never
 * @param oom whether out-of-memory rows are retried too
 */
public record Retries(int times, boolean oom) {
  /** The provenance key of a row's attempt: 1 for the first run of its point. */
  public static final String ATTEMPT_KEY = ResultStore.ATTEMPT_KEY;

  /** Twice: a flaky failure gets two more chances; a point that fails three times is reported. */
  public static final Retries DEFAULT = new Retries(2, false);

  public Retries {
    if (times < 0) throw new IllegalArgumentException("retries must be >= 0, got " + times);
  }

  /** The attempt these rows of one point are: the highest their provenance names, else 1. */
  static int attempt(List<BenchResult> rows) {
    int a = 1;
    for (BenchResult r : rows) {
      try {
        a = Math.max(a, Integer.parseInt(r.provenance().getOrDefault(ATTEMPT_KEY, "1")));
      } catch (NumberFormatException e) {
        // a hand-edited store: count it as a first attempt
      }
    }
    return a;
  }

  /** Why a done point with these rows is run again; empty when it is not. */
  String why(List<BenchResult> rows) {
    if (attempt(rows) > times) return "";
    for (BenchResult r : rows) {
      Status s = r.status();
      if (s == Status.FAILED || s == Status.HUNG || (oom && s == Status.OOM)) {
        return s.label() + (r.test().isEmpty() ? "" : " at " + r.test());
      }
    }
    return "";
  }
}
