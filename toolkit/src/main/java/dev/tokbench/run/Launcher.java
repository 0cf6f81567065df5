package dev.tokbench.run;

import java.io.IOException;
import java.io.InputStream;
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

  private Launcher() {}

  /** Runs the process to the end (or its timeout), feeding its output to {@code listener}. */
  public static ProcessOutcome run(ProcessSpec spec, OutputListener listener) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Process process;
    try {
      process = builder(spec).start();
    } catch (IOException e) {
      return new ProcessOutcome(
          spec.commandLine(), started, since(t0), -1, false, e.getMessage(), List.of());
    }
    try (RunLog log = RunLog.open(spec.log())) {
      Deque<String> tail = new ArrayDeque<>();
      Object lock = new Object();
      Thread out =
          pump(
              process.getInputStream(),
              "out",
              line -> {
                synchronized (lock) {
                  log.line("out", line);
                  listener.stdout(line);
                }
              });
      Thread err =
          pump(
              process.getErrorStream(),
              "err",
              line -> {
                synchronized (lock) {
                  log.line("err", line);
                  if (tail.size() == STDERR_TAIL_LINES) tail.removeFirst();
                  tail.addLast(line);
                  listener.stderr(line);
                }
              });
      boolean timedOut = !waitFor(process, spec.timeout());
      if (timedOut) killTree(process.toHandle());
      join(out);
      join(err);
      synchronized (lock) {
        int code = timedOut ? -1 : process.exitValue();
        return new ProcessOutcome(
            spec.commandLine(), started, since(t0), code, timedOut, "", new ArrayList<>(tail));
      }
    }
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

  private static ProcessBuilder builder(ProcessSpec spec) {
    ProcessBuilder pb = new ProcessBuilder(spec.command());
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

  private static Thread pump(
      InputStream in, String name, java.util.function.Consumer<String> sink) {
    Thread t =
        new Thread(
            () -> {
              try (in) {
                LineSplitter.forEachLine(in, sink);
              } catch (IOException e) {
                // the stream closes under us when the tree is killed: nothing more to read
              }
            },
            "tokbench-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  // A grandchild that inherited the pipe can keep it open after the process exits; do not wait
  // for it forever.
  private static void join(Thread t) {
    try {
      t.join(GRACE.toMillis() * 5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

    static RunLog open(java.nio.file.Path file) {
      if (file == null) return new RunLog(null);
      try {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        return new RunLog(
            Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open run log " + file, e);
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
