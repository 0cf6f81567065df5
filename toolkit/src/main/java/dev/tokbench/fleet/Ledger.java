package dev.tokbench.fleet;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultStore;
import dev.tokbench.results.RunIdentity;
import dev.tokbench.results.Status;
import dev.tokbench.sweep.SweepPoint;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one local store, shared by every target's threads: rows are tagged with the sweep, the point
 * and the target, and written (forced to disk) as they arrive; a point that could not finish gets a
 * failed row whose provenance {@code fleet_failure} says why, and the next run runs it again.
 */
final class Ledger {
  /** Provenance of a row standing for a point a target could not finish. */
  static final String FAILURE_KEY = "fleet_failure";

  private final ResultStore store;
  private final String sweep;
  private final String framework;
  private final PrintStream progress;
  private final int total;
  private int finished;

  Ledger(
      ResultStore store,
      String sweep,
      String framework,
      PrintStream progress,
      int total,
      int done) {
    this.store = store;
    this.sweep = sweep;
    this.framework = framework;
    this.progress = progress;
    this.total = total;
    this.finished = done;
  }

  /** Points done whose rows hold a fleet failure: run them again. */
  static Set<String> toRunAgain(List<BenchResult> rows) {
    Set<String> out = new HashSet<>();
    for (BenchResult r : rows) {
      if (r.provenance().containsKey(FAILURE_KEY))
        out.add(r.provenance().get(ResultStore.POINT_KEY));
    }
    return out;
  }

  synchronized void row(SweepPoint p, Target t, String where, BenchResult row) {
    store.append(p.key(), row.withProvenance(tags(p, t, where)));
  }

  /** The failed row for a point {@code t} (null: none) could not finish, and the point's end. */
  synchronized void failed(SweepPoint p, Target t, String where, String kind, String reason) {
    RunIdentity id = RunIdentity.of(framework, p.values().getOrDefault("model", ""));
    Map<String, String> tags = tags(p, t, where);
    tags.put(FAILURE_KEY, kind);
    store.append(p.key(), BenchResult.failed(id, Status.FAILED, reason).withProvenance(tags));
    done(p, t, 1, true, reason);
  }

  synchronized void done(SweepPoint p, Target t, int rows, boolean failed, String why) {
    store.pointDone(p.key());
    finished++;
    say(
        (t == null ? "-" : t.name())
            + ": "
            + p.key()
            + ": "
            + (failed ? "not finished: " + firstLine(why) : rows + " rows")
            + " ("
            + finished
            + "/"
            + total
            + " done)");
  }

  synchronized void say(String line) {
    progress.println("fleet: " + line);
    progress.flush();
  }

  private Map<String, String> tags(SweepPoint p, Target t, String where) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("sweep", sweep);
    m.put(ResultStore.POINT_KEY, p.key());
    if (t != null) m.put("fleet_target", t.name());
    if (where != null) m.put("fleet_host", where);
    return m;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
