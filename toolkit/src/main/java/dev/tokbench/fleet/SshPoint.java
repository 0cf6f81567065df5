package dev.tokbench.fleet;

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
   * row saying why not), throws {@link TargetUnusable} when the host itself is gone or runs another
   * tokbench.
   */
  static void run(Target t, Installed in, SweepPoint p, Ledger ledger, Duration timeout, Path log) {
    String where = t.host().toString();
    PointReader reader = new PointReader(t, p, ledger, where, t.name() + " stdout");
    ProcessSpec spec =
        t.shell()
            .script(RemoteCommand.line(t, in.bundle(), in.inputs(), p))
            .withTimeout(timeout)
            .withLog(log);
    ProcessOutcome o;
    try {
      o = Launcher.run(spec, (OutputListener) line -> stop(reader.line(line)));
    } catch (WrongVersion e) {
      String why = reader.otherVersionReason();
      reader.fail("version", why);
      throw new TargetUnusable(why);
    }
    if (reader.isDone()) {
      reader.finish();
    } else if (t.shell().connectionLost(o)) {
      String why =
          t.name()
              + ": host lost mid-point after "
              + reader.rows()
              + " rows: "
              + o.failureReason().replace('\n', ' ');
      reader.fail("host-lost", why);
      throw new TargetUnusable(why);
    } else {
      reader.fail(
          "remote",
          t.name() + ": remote tokbench ended before the point did: " + o.failureReason());
    }
  }

  /** Stops the session at a hello of another version: none of its lines may be recorded. */
  private static void stop(boolean reading) {
    if (!reading) throw new WrongVersion();
  }

  /** Thrown by the listener to stop a remote tokbench of another version at its first line. */
  private static final class WrongVersion extends RuntimeException {
    WrongVersion() {
      super("remote tokbench of another version", null, false, false);
    }
  }
}
