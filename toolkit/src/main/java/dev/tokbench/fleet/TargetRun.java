package dev.tokbench.fleet;

import dev.tokbench.sweep.SweepPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One target's share of a fleet sweep: an ssh master connection opened and tokbench installed once
 * (whichever slot gets there first), then points taken off the queue until none fits or the target
 * is lost.
 */
final class TargetRun implements AutoCloseable {
  private volatile Target t; // once installed: reached through the master connection
  private SshMaster master;
  private final Installed in;
  private final WorkQueue queue;
  private final Ledger ledger;
  private final Path logs;
  private final Set<String> placed = ConcurrentHashMap.newKeySet();
  private boolean installed;
  private String lost;

  TargetRun(Target t, Installed in, WorkQueue queue, Ledger ledger, Path logs) {
    this.t = t;
    this.in = in;
    this.queue = queue;
    this.ledger = ledger;
    this.logs = logs;
  }

  /** One slot of an SSH target. */
  void ssh(int slot) {
    Path log = logs.resolve(t.name() + (slot == 0 ? "" : "-" + slot) + ".log");
    while (install()) {
      SweepPoint p = queue.take(t);
      if (p == null) return;
      try {
        synchronized (placed) { // two slots must not copy the same file at once
          in.inputs().addTo(new Shipment(), p).ensure(t, placed);
        }
      } catch (TargetUnusable e) {
        queue.putBack(p);
        lose(e.getMessage());
        return;
      }
      try {
        SshPoint.run(t, in, p, ledger, FleetSweep.POINT_TIMEOUT, log);
      } catch (TargetUnusable e) {
        lose(e.getMessage());
        return;
      }
    }
  }

  /** The one thread of a Slurm target: every point it fits, as one job array. */
  void slurm() {
    if (!install()) return;
    List<SweepPoint> points = queue.take(t, Integer.MAX_VALUE);
    if (points.isEmpty()) return;
    try {
      Shipment files = new Shipment();
      points.forEach(p -> in.inputs().addTo(files, p));
      files.ensure(t, placed);
    } catch (TargetUnusable e) {
      points.forEach(queue::putBack);
      lose(e.getMessage());
      return;
    }
    new SlurmArray(t, in, ledger, logs).run(points);
  }

  private synchronized boolean install() {
    if (lost != null) return false;
    if (installed) return true;
    // sshd's MaxSessions (10 by default) caps the sessions one connection carries
    if (master == null && t.host() != null && (t.isSlurm() || t.slots() <= 10)) {
      master = SshMaster.open(t.host());
      t = t.via(master.host());
    }
    try {
      long sent = in.bundle().addTo(new Shipment()).ensure(t);
      ledger.say(
          t.name()
              + ": tokbench "
              + in.bundle().hash()
              + (sent == 0
                  ? " already there"
                  : String.format(Locale.ROOT, " installed (%.1f MB sent)", sent / 1e6)));
      if (t.runtime() != null)
        t = RuntimeInstall.install(t, in.runtimes().get(t.runtime()), ledger::say);
      installed = true;
      return true;
    } catch (TargetUnusable e) {
      lose(e.getMessage());
      return false;
    }
  }

  /** Closes the master connection, once every slot is done. */
  @Override
  public synchronized void close() {
    if (master != null) master.close();
  }

  private synchronized void lose(String why) {
    if (lost != null) return;
    lost = why;
    queue.lost(t, why);
    ledger.say(t.name() + ": takes no more points: " + why);
  }
}
