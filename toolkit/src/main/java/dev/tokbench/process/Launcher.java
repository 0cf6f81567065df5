package dev.tokbench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Launches a {@link ProcessSpec} as a real process, streams both outputs to the run log and to a
 * listener while it runs, and kills the whole process tree on timeout. It never throws for what the
 * process did: a missing binary, a crash or a timeout come back in the {@link ProcessOutcome}.
 */
public final class Launcher {
  /** Lines of stderr kept for failure reasons. */
  public static final int STDERR_TAIL_LINES = 20;

  private static final Duration GRACE = Duration.ofSeconds(2);

  /** How long output is still read after the process exited or was killed. */
  private static final Duration DRAIN = Duration.ofSeconds(10);

  private Launcher() {}

  /** Runs the process to the end (or its timeout), feeding its output to {@code listener}. */
  public static ProcessOutcome run(ProcessSpec spec, OutputListener listener) {
    return run(spec, listener, GpuActivity.NONE);
  }

  /**
   * Runs the process to the end, its timeout, or (when the spec has a stall limit) until it has
   * gone that long with no output, no CPU time used by its tree and, as far as {@code gpu} can
   * tell, no GPU of its busy: then the tree is killed and the outcome says hung.
   */
  public static ProcessOutcome run(ProcessSpec spec, OutputListener listener, GpuActivity gpu) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Process process;
    try {
      process = builder(spec).start();
    } catch (IOException e) {
      return new ProcessOutcome(
          spec.commandLine(), started, since(t0), -1, false, e.getMessage(), List.of());
    }
    try (RunLog log = RunLog.open(spec.log(), spec.commandLine(), started);
        OutputDrain drain = OutputDrain.start(process)) {
      Deque<String> tail = new ArrayDeque<>();
      long[] arrived = {0}; // when the chunk that completed the line was read
      LineSplitter out =
          new LineSplitter(
              line -> {
                log.line("out", line);
                listener.stdout(line, arrived[0]);
              });
      LineSplitter err =
          new LineSplitter(
              line -> {
                log.line("err", line);
                if (tail.size() == STDERR_TAIL_LINES) tail.removeFirst();
                tail.addLast(line);
                listener.stderr(line, arrived[0]);
              });
      StallWatch watch = new StallWatch(spec.stall(), gpu, process.toHandle());
      End end;
      try {
        end = consume(process, drain, spec.timeout(), watch, out, err, log, arrived);
      } catch (RuntimeException | Error e) {
        killTree(process.toHandle()); // the listener failed: nothing would take the output
        throw e;
      }
      int code = end == End.EXITED ? process.exitValue() : -1;
      return new ProcessOutcome(
          spec.commandLine(),
          started,
          since(t0),
          code,
          end == End.TIMED_OUT,
          end == End.INTERRUPTED,
          end == End.HUNG ? spec.stall() : null,
          "",
          new ArrayList<>(tail));
    }
  }

  /** How a launch ended. */
  private enum End {
    EXITED,
    TIMED_OUT,
    HUNG,
    INTERRUPTED
  }

  /**
   * Splits and hands on the drained output until both streams end and the process has exited, or
   * the timeout or an interrupt killed the process tree. A grandchild that inherited a pipe can
   * keep it open after the process exits: then the rest is given up after a grace period.
   */
  private static End consume(
      Process p,
      OutputDrain drain,
      Duration timeout,
      StallWatch watch,
      LineSplitter out,
      LineSplitter err,
      RunLog log,
      long[] arrived) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long giveUpAt = 0;
    boolean gone = false; // exited or killed
    boolean killed = false;
    boolean hung = false;
    boolean interrupted = false;
    int open = 2;
    while (open > 0) {
      OutputDrain.Chunk c;
      try {
        c = drain.poll(100);
      } catch (InterruptedException e) {
        interrupted = true;
        c = null;
        deadline = System.nanoTime();
      }
      if (c != null) {
        LineSplitter s = c.stderr() ? err : out;
        arrived[0] = c.nanos();
        if (c.end()) {
          s.finish();
          open--;
        } else {
          s.accept(c.bytes(), c.bytes().length);
          watch.output(c.nanos());
        }
        log.flush();
      }
      // checked after every chunk too: a process that never stops printing must still time out
      long now = System.nanoTime();
      if (!killed && now - deadline >= 0) {
        killTree(p.toHandle());
        killed = true;
      } else if (!killed && !gone && p.isAlive() && watch.stuck(now)) {
        killTree(p.toHandle());
        killed = true;
        hung = true;
      }
      if (!gone && (killed || !p.isAlive())) {
        gone = true;
        giveUpAt = now + DRAIN.toNanos();
      }
      // what is queued is still read; a stray holder of the pipe is not waited for beyond DRAIN,
      // nor followed for long if it keeps printing
      boolean idle = c == null;
      if (gone && now - giveUpAt >= 0 && (idle || now - giveUpAt >= 5 * DRAIN.toNanos())) break;
    }
    if (!killed) killed = !waitFor(p, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    if (interrupted || Thread.currentThread().isInterrupted()) {
      Thread.currentThread().interrupt();
      return End.INTERRUPTED;
    }
    if (hung) return End.HUNG;
    return killed ? End.TIMED_OUT : End.EXITED;
  }

  /** Kills a process and every descendant: politely first, then forcibly after a grace period. */
  public static void killTree(ProcessHandle root) {
    // Collect the descendants while the root is alive: once it dies they are re-parented to init
    // and no longer its descendants.
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    tree.add(0, root);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle h : tree) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) h.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        // still alive after the grace period: forced below
      }
    }
    for (ProcessHandle h : tree) {
      h.descendants().forEach(ProcessHandle::destroyForcibly);
      h.destroyForcibly();
    }
  }

  static ProcessBuilder builder(ProcessSpec spec) {
    List<String> command = new ArrayList<>(spec.command());
    // Java looks a bare name up in its own PATH; a run that sets PATH (a virtualenv's bin) means
    // that one
    if (spec.env().containsKey("PATH"))
      command.set(0, Executables.resolve(command.get(0), spec.env()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(spec.env());
    if (spec.workDir() != null) pb.directory(spec.workDir().toFile());
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    return pb;
  }

  private static boolean waitFor(Process p, Duration timeout) {
    try {
      return p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killTree(p.toHandle());
      return false;
    }
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  /** The run log: both streams, each line tagged with its stream, flushed as it comes. */
  private static final class RunLog implements AutoCloseable {
    private final Writer w;

    private RunLog(Writer w) {
      this.w = w;
    }

    /**
     * Opens (appending) the run log, whose first lines say what ran and when: {@code cmd| the
     * command line} (credentials redacted, as {@link ProcessSpec#commandLine()} gives it) and
     * {@code at| start time}; then {@code out|} and {@code err|} lines as they come.
     */
    static RunLog open(java.nio.file.Path file, String commandLine, Instant started) {
      if (file == null) return new RunLog(null);
      try {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        RunLog log =
            new RunLog(
                Files.newBufferedWriter(
                    file,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        log.line("cmd", commandLine);
        log.line("at", started.toString());
        return log;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open run log " + file, e);
      }
    }

    void flush() {
      if (w == null) return;
      try {
        w.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write run log", e);
      }
    }

    void line(String stream, String line) {
      if (w == null) return;
      try {
        w.write(stream);
        w.write("| ");
        w.write(line);
        w.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write run log", e);
      }
    }

    @Override
    public void close() {
      if (w == null) return;
      try {
        w.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close run log", e);
      }
    }
  }
}
