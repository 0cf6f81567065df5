package dev.tokbench.sweep;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows where a sweep is: on a terminal one bar redrawn in place ({@code [#####-----] 3/8 ETA 1m20s
 * model=a,fa=on}); elsewhere (a notebook, a log) one line per point. The ETA is the mean time of
 * the points run so far times the points left.
 */
final class SweepProgress {
  private static final int WIDTH = 24;
  private final PrintStream out;
  private final boolean terminal;
  private final int total;
  private int done;
  private int ran;
  private long ranNanos;

  SweepProgress(PrintStream out, boolean terminal, int total, int alreadyDone) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
    this.done = alreadyDone;
  }

  void starting(SweepPoint point) {
    String line = bar() + " " + done + "/" + total + eta() + " running " + point.axisKey();
    if (terminal) out.print("\r\u001b[2K" + line);
    else out.println("sweep: " + line);
    out.flush();
  }

  void finished(SweepPoint point, Duration took, int rows, int failed) {
    done++;
    ran++;
    ranNanos += took.toNanos();
    String line =
        bar()
            + " "
            + done
            + "/"
            + total
            + eta()
            + " "
            + point.axisKey()
            + ": "
            + rows
            + " rows"
            + (failed > 0 ? ", " + failed + " failed" : "");
    if (terminal) out.print("\r\u001b[2K" + line + (done == total ? "\n" : ""));
    else out.println("sweep: " + line);
    out.flush();
  }

  private String bar() {
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
  }

  private String eta() {
    if (ran == 0 || done >= total) return "";
    long s = ranNanos / ran * (total - done) / 1_000_000_000L;
    return String.format(Locale.ROOT, " ETA %dm%02ds", s / 60, s % 60);
  }
}
