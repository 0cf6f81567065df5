package dev.tokbench.fleet;

import dev.tokbench.results.ResultStore;
import dev.tokbench.sweep.Sweep;
import dev.tokbench.sweep.SweepFile;
import dev.tokbench.sweep.SweepPoint;
import dev.tokbench.sweep.SweepReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A sweep file run across a fleet: each point not yet in the store (or whose target failed it) goes
 * to the first free target that fits it, at most {@code slots} at once per target, and its rows
 * land in the one local JSONL store as they arrive, tagged {@code fleet_target}. A host lost
 * mid-point, a Slurm task cancelled or timed out, a failed install: the point gets a failed row
 * with the reason, and running the sweep again runs exactly those points (their new rows replace
 * the failed one), so nothing recorded is lost and nothing is counted twice.
 *
 * <pre>{@code
 * FleetSweep.of(Path.of("sweeps/fa.yaml"), Fleet.read(Path.of("fleet.yaml"))).run();
 * }</pre>
 */
public final class FleetSweep {
  /** Two hours per point over SSH; the sweep's own timeout_s ends a hung benchmark sooner. */
  public static final Duration POINT_TIMEOUT = Duration.ofHours(2);

  private final Path file;
  private final Sweep sweep;
  private final Fleet fleet;
  private final Bundle bundle;
  private final PrintStream progress;

  private FleetSweep(Path file, Sweep sweep, Fleet fleet, Bundle bundle, PrintStream progress) {
    this.file = file;
    this.sweep = sweep;
    this.fleet = fleet;
    this.bundle = bundle;
    this.progress = progress;
  }

  /** The sweep file {@code sweepFile} over {@code fleet}, shipping this JVM's tokbench. */
  public static FleetSweep of(Path sweepFile, Fleet fleet) {
    return new FleetSweep(sweepFile, SweepFile.read(sweepFile), fleet, null, System.err);
  }

  /** This fleet sweep shipping {@code b} instead of this JVM's class path. */
  public FleetSweep bundle(Bundle b) {
    return new FleetSweep(file, sweep, fleet, b, progress);
  }

  /** This fleet sweep printing progress (a line per event, per target) to {@code out}. */
  public FleetSweep progress(PrintStream out) {
    return new FleetSweep(file, sweep, fleet, bundle, out);
  }

  /** Runs what is missing; returns every row of the store once done. */
  public SweepReport run() {
    Path storeFile = sweep.store();
    if (!storeFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
      throw new IllegalArgumentException(
          "a fleet sweep needs a .jsonl store (its re-runs replace failed points), got "
              + storeFile);
    }
    SweepInputs inputs = SweepInputs.of(file);
    Bundle b = bundle != null ? bundle : Bundle.current();
    try (ResultStore store = ResultStore.open(storeFile)) {
      List<SweepPoint> points = sweep.points();
      Set<String> done = store.donePoints();
      Set<String> again = Ledger.toRunAgain(store.rows());
      List<SweepPoint> todo =
          points.stream().filter(p -> !done.contains(p.key()) || again.contains(p.key())).toList();
      Ledger ledger =
          new Ledger(
              store,
              sweep.name(),
              inputs.framework(),
              progress,
              points.size(),
              points.size() - todo.size());
      WorkQueue queue = new WorkQueue(fleet, inputs.framework(), todo);
      runTargets(
          queue,
          ledger,
          new Installed(b, inputs, RuntimeInstall.of(fleet.targets())),
          logs(storeFile));
      queue.leftOver().forEach((p, why) -> ledger.failed(p, null, null, "unplaced", why));
      int retried = (int) todo.stream().filter(p -> done.contains(p.key())).count();
      return new SweepReport(
          sweep.name(),
          storeFile,
          points.size(),
          points.size() - todo.size(),
          todo.size(),
          retried,
          store.rows());
    }
  }

  private void runTargets(WorkQueue queue, Ledger ledger, Installed in, Path logs) {
    List<Thread> threads = new ArrayList<>();
    List<TargetRun> runs = new ArrayList<>();
    for (Target t : fleet.targets()) {
      TargetRun run = new TargetRun(t, in, queue, ledger, logs);
      runs.add(run);
      int workers = t.isSlurm() ? 1 : t.slots();
      for (int i = 0; i < workers; i++) {
        int slot = i;
        Runnable r = t.isSlurm() ? run::slurm : () -> run.ssh(slot);
        Thread th = new Thread(r, "fleet-" + t.name() + "-" + i);
        th.start();
        threads.add(th);
      }
    }
    try {
      for (Thread th : threads) th.join();
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("fleet sweep interrupted", e);
    } finally {
      runs.forEach(TargetRun::close);
    }
  }

  /** Each target's remote output goes to {@code STORE.fleet/TARGET.log}. */
  private static Path logs(Path store) {
    Path dir = store.resolveSibling(store.getFileName() + ".fleet");
    try {
      return Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot make " + dir, e);
    }
  }

  /**
   * Installs {@code b} on each of {@code targets} (what the first fleet sweep does anyway),
   * printing a line per target; returns how many could not be installed.
   */
  public static int install(List<Target> targets, Bundle b, PrintStream out) {
    int failed = 0;
    Map<String, JavaRuntime> runtimes = RuntimeInstall.of(targets);
    for (Target t : targets) {
      try {
        long sent = b.addTo(new Shipment()).ensure(t);
        if (t.runtime() != null) RuntimeInstall.install(t, runtimes.get(t.runtime()), out::println);
        out.printf(
            Locale.ROOT,
            "%s: tokbench %s in %s/%s (%s)%n",
            t.name(),
            b.hash(),
            t.workdir(),
            b.folder(),
            sent == 0 ? "already there" : String.format(Locale.ROOT, "%.1f MB sent", sent / 1e6));
      } catch (TargetUnusable e) {
        out.println(e.getMessage());
        failed++;
      }
    }
    out.flush();
    return failed;
  }

  @Override
  public String toString() {
    return sweep + " over " + fleet.targets();
  }
}
