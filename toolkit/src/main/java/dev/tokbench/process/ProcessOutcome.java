package dev.tokbench.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a launched process ended.
 *
 * @param commandLine the command as a shell line, environment first
 * @param started when it was launched
 * @param elapsed wall time until it ended (or was killed)
 * @param exitCode its exit status; -1 when it never started or was killed
 * @param timedOut true when the timeout killed its process tree
 * @param interrupted true when the launching thread was interrupted (a stopped notebook cell) and
 *     its process tree killed
 * @param hungAfter when the process tree was killed as hung: how long it had gone without output or
 *     CPU/GPU progress; {@code null} otherwise
 * @param startError why it could not start (missing binary, not executable); empty if it started
 * @param stderrTail the last lines of stderr, for failure reasons
 */
public record ProcessOutcome(
    String commandLine,
    Instant started,
    Duration elapsed,
    int exitCode,
    boolean timedOut,
    boolean interrupted,
    Duration hungAfter,
    String startError,
    List<String> stderrTail) {
  public ProcessOutcome {
    Objects.requireNonNull(commandLine, "commandLine");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(elapsed, "elapsed");
    startError = Objects.requireNonNullElse(startError, "");
    stderrTail = List.copyOf(stderrTail);
  }

  /** An outcome whose process was not interrupted. */
  public ProcessOutcome(
      String commandLine,
      Instant started,
      Duration elapsed,
      int exitCode,
      boolean timedOut,
      String startError,
      List<String> stderrTail) {
    this(commandLine, started, elapsed, exitCode, timedOut, false, null, startError, stderrTail);
  }

  /** An outcome whose process was not called hung. */
  public ProcessOutcome(
      String commandLine,
      Instant started,
      Duration elapsed,
      int exitCode,
      boolean timedOut,
      boolean interrupted,
      String startError,
      List<String> stderrTail) {
    this(
        commandLine,
        started,
        elapsed,
        exitCode,
        timedOut,
        interrupted,
        null,
        startError,
        stderrTail);
  }

  /** True when it was killed for going without output and progress, as opposed to timing out. */
  public boolean hung() {
    return hungAfter != null;
  }

  /**
   * The signal that ended it, read from the exit status as the JVM reports a signalled process (128
   * + the signal); empty when it exited on its own or never started.
   */
  public OptionalInt signal() {
    if (!startError.isEmpty() || timedOut || interrupted || hung()) return OptionalInt.empty();
    return exitCode > 128 && exitCode < 128 + 32
        ? OptionalInt.of(exitCode - 128)
        : OptionalInt.empty();
  }

  /** How it ended in a few words: {@code exit 1}, {@code killed by SIGILL (signal 4, exit 132)}. */
  public String ending() {
    if (!startError.isEmpty()) return "could not start: " + startError;
    if (hung())
      return "hung: no output and no CPU or GPU progress for "
          + wholeSeconds(hungAfter)
          + ", process tree killed after "
          + seconds();
    if (timedOut) return "timed out after " + seconds() + ", process tree killed";
    if (interrupted) return "interrupted after " + seconds() + ", process tree killed";
    OptionalInt sig = signal();
    if (sig.isEmpty()) return "exit " + exitCode;
    return "killed by "
        + Signals.name(sig.getAsInt())
        + " (signal "
        + sig.getAsInt()
        + ", exit "
        + exitCode
        + ")";
  }

  /** True when it started, was not killed and exited 0. */
  public boolean succeeded() {
    return startError.isEmpty() && !timedOut && !interrupted && !hung() && exitCode == 0;
  }

  /**
   * Why it did not succeed, with the stderr tail, e.g. {@code exit 1: llama_bench: error: failed to
   * load model '/x.gguf'}; empty when it succeeded.
   */
  public String failureReason() {
    if (succeeded()) return "";
    String why = ending();
    return stderrTail.isEmpty() ? why : why + "; stderr tail:\n" + String.join("\n", stderrTail);
  }

  private static String wholeSeconds(Duration d) {
    return d.toMillis() % 1000 == 0
        ? d.toSeconds() + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private String seconds() {
    return String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
  }

  @Override
  public String toString() {
    return (succeeded() ? "ok" : failureReason().lines().findFirst().orElse(""))
        + " in "
        + seconds()
        + ": "
        + commandLine;
  }
}
