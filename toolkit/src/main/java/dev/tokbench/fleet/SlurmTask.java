package dev.tokbench.fleet;

import dev.tokbench.BadInputException;
import dev.tokbench.sweep.SweepPoint;

/** One task of a fleet's job array: the point it runs and the rows read from its file so far. */
final class SlurmTask {
  private final Target t;
  private final SweepPoint point;
  private final Ledger ledger;
  private final String jobId;
  private long lines;
  private int rows;
  private boolean done;

  SlurmTask(Target t, SweepPoint point, Ledger ledger, String jobId) {
    this.t = t;
    this.point = point;
    this.ledger = ledger;
    this.jobId = jobId;
  }

  String jobId() {
    return jobId;
  }

  long linesRead() {
    return lines;
  }

  boolean isDone() {
    return done;
  }

  /** One line of the task's rows file. */
  void line(String line) {
    lines++;
    try {
      PointProtocol.row(line, jobId + " rows", lines)
          .ifPresent(
              r -> {
                ledger.row(point, t, "slurm job " + jobId, r);
                rows++;
              });
    } catch (BadInputException e) {
      ledger.say(t.name() + ": a row line that is not a row, skipped: " + e.getMessage());
    }
    if (PointProtocol.isDone(line)) done = true;
  }

  void finish() {
    ledger.done(point, t, rows, false, "");
  }

  void fail(String kind, String why) {
    ledger.failed(point, t, "slurm job " + jobId, kind, why);
  }
}
