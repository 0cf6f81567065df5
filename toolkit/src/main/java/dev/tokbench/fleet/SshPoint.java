package dev.tokbench.fleet;

import dev.tokbench.BadInputException;
import dev.tokbench.Version;
import dev.tokbench.process.Launcher;
import dev.tokbench.process.OutputListener;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.sweep.SweepPoint;
import java.nio.file.Path;
import java.time.Duration;

/** One point run on an SSH target, its rows written to the ledger as each arrives. */
final class SshPoint {
  private SshPoint() {}

  /**
   * Runs {@code p} on {@code t}; returns normally once the point is recorded (finished, or a failed
   * row saying why not), throws {@link TargetUnusable} when the host itself is gone.
   */
  static void run(Target t, Installed in, SweepPoint p, Ledger ledger, Duration timeout, Path log) {
    String where = t.host().toString();
    Listener l = new Listener(t, p, ledger, where);
    ProcessSpec spec =
        t.shell()
            .script(RemoteCommand.line(t, in.bundle(), in.inputs(), p))
            .withTimeout(timeout)
            .withLog(log);
    ProcessOutcome o;
    try {
      o = Launcher.run(spec, l);
    } catch (WrongVersion e) {
      o = null; // the listener stopped it at the first line
    }
    if (l.done) {
      ledger.done(p, t, l.rows, false, "");
      return;
    }
    if (l.otherVersion != null) {
      String why =
          t.name() + ": remote tokbench " + l.otherVersion + ", this one " + Version.current();
      ledger.failed(p, t, where, "version", why);
      throw new TargetUnusable(why);
    }
    if (o == null) throw new IllegalStateException("unreachable: only a version stops early");
    if (t.shell().connectionLost(o)) {
      String why =
          t.name()
              + ": host lost mid-point after "
              + l.rows
              + " rows: "
              + o.failureReason().replace('\n', ' ');
      ledger.failed(p, t, where, "host-lost", why);
      throw new TargetUnusable(why);
    }
    ledger.failed(
        p,
        t,
        where,
        "remote",
        t.name() + ": remote tokbench ended before the point did: " + o.failureReason());
  }

  /** Reads the protocol lines as they come. */
  private static final class Listener implements OutputListener {
    private final Target t;
    private final SweepPoint p;
    private final Ledger ledger;
    private final String where;
    private long lineNo;
    int rows;
    boolean done;
    String otherVersion;

    Listener(Target t, SweepPoint p, Ledger ledger, String where) {
      this.t = t;
      this.p = p;
      this.ledger = ledger;
      this.where = where;
    }

    @Override
    public void stdout(String line) {
      lineNo++;
      PointProtocol.version(line)
          .filter(v -> !v.equals(Version.current()))
          .ifPresent(v -> otherVersion = v);
      if (otherVersion != null) throw new WrongVersion();
      try {
        PointProtocol.row(line, t.name() + " stdout", lineNo)
            .ifPresent(
                r -> {
                  ledger.row(p, t, where, r);
                  rows++;
                });
      } catch (BadInputException e) {
        ledger.say(t.name() + ": a row line that is not a row, skipped: " + e.getMessage());
      }
      if (PointProtocol.isDone(line)) done = true;
    }
  }

  /** Thrown by the listener to stop a remote tokbench of another version at its first line. */
  private static final class WrongVersion extends RuntimeException {
    WrongVersion() {
      super("remote tokbench of another version", null, false, false);
    }
  }
}
