package dev.tokbench.process;

/**
 * Receives a launched process's output line by line while it runs, on the thread that called {@link
 * Launcher#run}: one line at a time, in arrival order per stream. A slow listener does not slow the
 * process (its output waits in memory, up to 32 MiB). If a call throws, the process tree is killed
 * and the exception reaches the caller. A carriage return ends a line as a newline does, so tqdm's
 * {@code \r}-joined progress frames arrive one frame at a time.
 */
public interface OutputListener {
  /** A line of standard output, without its terminator. */
  void stdout(String line);

  /** A line of standard error, without its terminator. */
  default void stderr(String line) {}

  /**
   * A line of standard output and when its last bytes were read from the pipe ({@link
   * System#nanoTime()}, taken on the thread that reads the pipe, so a busy listener does not shift
   * it): what energy attribution needs. By default the line alone is handed on.
   */
  default void stdout(String line, long arrivalNanos) {
    stdout(line);
  }

  /** A line of standard error and when it was read; by default the line alone is handed on. */
  default void stderr(String line, long arrivalNanos) {
    stderr(line);
  }

  /** Ignores everything. */
  static OutputListener none() {
    return line -> {};
  }
}
