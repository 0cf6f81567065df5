package dev.tokbench.cli;

import dev.tokbench.results.BenchResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Where a {@code tokbench run} is, on a terminal: one line on stderr redrawn in place each second
 * and at each row ({@code [3/8] 1m05s, 3 rows (1 not ok), running llama-3.2-1b.gguf pp512}),
 * cleared at the end so the summary follows it. Off a terminal it prints nothing: the rows
 * themselves are the log there. The current test is known where the run's tests are (llama-bench's
 * matrix, expanded in its order: the test after the rows so far); else the line says how many rows
 * came.
 */
final class RunProgress implements Consumer<BenchResult>, AutoCloseable {
  /**
   * The tests a run will measure, in order: {@code total} of them ({@code 0}: not known), the test
   * at an index named by {@code at}.
   */
  record Plan(int total, IntFunction<String> at) {
    static final Plan UNKNOWN = new Plan(0, i -> "");
  }

  private final PrintWriter err;
  private final boolean terminal;
  private final String what;
  private final Plan plan;
  private final LongSupplier nanos;
  private final long start;
  private ScheduledExecutorService ticker;
  private int rows;
  private int notOk;

  RunProgress(PrintWriter err, boolean terminal, String what, Plan plan, LongSupplier nanos) {
    this.err = err;
    this.terminal = terminal;
    this.what = what;
    this.plan = plan;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  /** Redraws every second until closed (only on a terminal). */
  RunProgress ticking() {
    if (!terminal) return this;
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tokbench run progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::draw, 0, 1, TimeUnit.SECONDS);
    return this;
  }

  @Override
  public synchronized void accept(BenchResult row) {
    rows++;
    if (!row.ok()) notOk++;
    draw();
  }

  /** The line as it stands now. */
  synchronized String line() {
    long s = Math.max(0, (nanos.getAsLong() - start) / 1_000_000_000L);
    String elapsed = s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    StringBuilder b = new StringBuilder();
    if (plan.total() > 0)
      b.append('[')
          .append(Math.min(rows, plan.total()))
          .append('/')
          .append(plan.total())
          .append("] ");
    b.append(elapsed).append(", ").append(rows).append(rows == 1 ? " row" : " rows");
    if (notOk > 0) b.append(" (").append(notOk).append(" not ok)");
    if (plan.total() > 0 && rows < plan.total())
      b.append(", running ").append(plan.at().apply(rows));
    else if (plan.total() == 0) b.append(", running ").append(what);
    return b.toString();
  }

  private synchronized void draw() {
    if (!terminal) return;
    err.print("\r\u001b[2K" + line());
    err.flush();
  }

  @Override
  public synchronized void close() {
    if (ticker != null) ticker.shutdownNow();
    if (!terminal) return;
    err.print("\r\u001b[2K");
    err.flush();
  }
}
