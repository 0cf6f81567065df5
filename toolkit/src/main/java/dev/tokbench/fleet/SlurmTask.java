package dev.tokbench.fleet;

import dev.tokbench.sweep.SweepPoint;

/** One task of a fleet's job array: the point it runs and the rows read from its file so far. */
final class SlurmTask {
  private final String jobId;
  private final PointReader reader;

  SlurmTask(Target t, SweepPoint point, Ledger ledger, String jobId) {
    this.jobId = jobId;
    this.reader = new PointReader(t, point, ledger, "slurm job " + jobId, jobId + " rows");
  }

  String jobId() {
    return jobId;
  }

  long linesRead() {
    return reader.linesRead();
  }

  boolean isDone() {
    return reader.isDone();
  }

  /** True once its hello named another tokbench: it is cancelled, its lines unread. */
  boolean isOtherVersion() {
    return reader.isOtherVersion();
  }

  /** One line of the task's rows file. */
  void line(String line) {
    reader.line(line);
  }

  void finish() {
    reader.finish();
  }

  void fail(String kind, String why) {
    reader.fail(kind, why);
  }

  /** Why its rows are not taken: the remote tokbench's version and this one's. */
  String otherVersionReason() {
    return reader.otherVersionReason();
  }
}
