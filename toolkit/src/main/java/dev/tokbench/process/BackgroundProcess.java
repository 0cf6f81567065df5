package dev.tokbench.process;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A process that runs beside a benchmark until it is closed, such as a sampler ({@code tegrastats
 * --interval 500}): its standard output is split into lines on a daemon thread and handed to a
 * listener, its standard error is discarded, and closing it kills its process tree. Unlike {@link
 * Launcher#run} it does not wait for the process, and the spec's timeout does not apply.
 */
public final class BackgroundProcess implements AutoCloseable {
  private final Process process;
  private final Thread reader;

  private BackgroundProcess(Process process, Thread reader) {
    this.process = process;
    this.reader = reader;
  }

  /**
   * Starts {@code spec}, handing each line of its standard output to {@code lines} (on another
   * thread); empty when the program cannot be started.
   */
  public static Optional<BackgroundProcess> start(ProcessSpec spec, Consumer<String> lines) {
    ProcessBuilder pb = Launcher.builder(spec);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      return Optional.of(new BackgroundProcess(p, read(p.getInputStream(), lines, spec)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Thread read(InputStream in, Consumer<String> lines, ProcessSpec spec) {
    Thread t =
        new Thread(
            () -> {
              try (in) {
                LineSplitter.forEachLine(in, lines);
              } catch (IOException e) {
                // the stream closes when the process is killed
              }
            },
            "tokbench-" + spec.programName());
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** Kills the process tree and waits briefly for the last lines to be handed on. */
  @Override
  public void close() {
    Launcher.killTree(process.toHandle());
    try {
      reader.join(Duration.ofSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "background process " + process.pid();
  }
}
