package dev.tokbench.notebook;

import java.time.Duration;
import java.util.Optional;
import jdk.jshell.JShell;

/**
 * Stops a running cell for a timeout or on request. JShell's stop only reaches a snippet that is
 * executing, and a cell has several snippets, so once a stop is wanted it is repeated every few
 * milliseconds until the cell ends, and the cell checks {@link #stopping} between snippets.
 */
final class Stopper implements AutoCloseable {
  private static final long REPEAT_MS = 20;

  private final JShell jshell;
  private volatile boolean running;

  /** Counts cells, so a stop meant for one cell never reaches the next. */
  private volatile long cell;

  private volatile CellError reason;
  private Thread watchdog;

  Stopper(JShell jshell) {
    this.jshell = jshell;
  }

  synchronized void cellStarted(Duration timeout) {
    running = true;
    reason = null;
    long thisCell = ++cell;
    if (timeout != null) {
      long deadline = System.nanoTime() + timeout.toNanos();
      watchdog = new Thread(() -> watch(thisCell, deadline, timeout), "tokbench-cell-timeout");
      watchdog.setDaemon(true);
      watchdog.start();
    }
  }

  synchronized void cellEnded() {
    running = false;
    if (watchdog != null) {
      watchdog.interrupt();
      watchdog = null;
    }
  }

  boolean stopping() {
    return reason != null;
  }

  Optional<CellError> reason() {
    return Optional.ofNullable(reason);
  }

  /** Stops the running cell, if any, on request. */
  void stop() {
    long thisCell = cell;
    if (running) {
      begin(thisCell, CellError.of(CellError.Kind.STOPPED, "Interrupted", "the cell was stopped"));
      Thread t = new Thread(() -> repeatStop(thisCell), "tokbench-cell-stop");
      t.setDaemon(true);
      t.start();
    }
  }

  private void watch(long thisCell, long deadline, Duration timeout) {
    try {
      long left;
      while ((left = deadline - System.nanoTime()) > 0) {
        Thread.sleep(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      return; // the cell ended in time
    }
    begin(
        thisCell,
        CellError.of(
            CellError.Kind.TIMEOUT,
            "CellTimeoutException",
            "the cell ran longer than " + seconds(timeout) + " and was stopped"));
    repeatStop(thisCell);
  }

  private synchronized void begin(long thisCell, CellError why) {
    if (running && cell == thisCell && reason == null) {
      reason = why;
    }
  }

  private void repeatStop(long thisCell) {
    while (true) {
      synchronized (this) { // so the next cell cannot start between the check and the stop
        if (!running || cell != thisCell) {
          return;
        }
        jshell.stop();
      }
      try {
        Thread.sleep(REPEAT_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }

  @Override
  public void close() {
    cellEnded();
  }
}
