package dev.tokbench.fleet;

import dev.tokbench.BadInputException;
import dev.tokbench.Version;
import dev.tokbench.sweep.SweepPoint;

/**
 * Reads one point's {@link PointProtocol} lines as they come, from an SSH session's stdout or a
 * Slurm task's rows file: rows go to the ledger at once; a hello naming another tokbench stops the
 * reading (nothing it prints is recorded, since its rows may mean something else).
 */
final class PointReader {
  private final Target t;
  private final SweepPoint p;
  private final Ledger ledger;
  private final String where;
  private final String source;
  private long lines;
  private int rows;
  private boolean done;
  private String otherVersion;

  /**
   * @param where the fleet_host provenance of its rows
   * @param source how a malformed line's error names where it came from
   */
  PointReader(Target t, SweepPoint p, Ledger ledger, String where, String source) {
    this.t = t;
    this.p = p;
    this.ledger = ledger;
    this.where = where;
    this.source = source;
  }

  /** One line; false once the remote side turned out to be another version (stop reading). */
  boolean line(String line) {
    if (otherVersion != null) return false;
    lines++;
    PointProtocol.version(line)
        .filter(v -> !v.equals(Version.current()))
        .ifPresent(v -> otherVersion = v);
    if (otherVersion != null) return false;
    try {
      PointProtocol.row(line, source, lines)
          .ifPresent(
              r -> {
                ledger.row(p, t, where, r);
                rows++;
              });
    } catch (BadInputException e) {
      ledger.say(t.name() + ": a row line that is not a row, skipped: " + e.getMessage());
    }
    if (PointProtocol.isDone(line)) done = true;
    return true;
  }

  long linesRead() {
    return lines;
  }

  boolean isDone() {
    return done;
  }

  /** True when the hello line named a tokbench other than this one. */
  boolean isOtherVersion() {
    return otherVersion != null;
  }

  /** The point's end: its rows counted, or the failed row saying why it has none. */
  void finish() {
    ledger.done(p, t, rows, false, "");
  }

  void fail(String kind, String why) {
    ledger.failed(p, t, where, kind, why);
  }

  /** Why its rows are not taken: the remote tokbench's version and this one's. */
  String otherVersionReason() {
    return t.name() + ": remote tokbench " + otherVersion + ", this one " + Version.current();
  }

  int rows() {
    return rows;
  }
}
