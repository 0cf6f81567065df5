package dev.tokbench.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

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
    this(commandLine, started, elapsed, exitCode, timedOut, false, startError, stderrTail);
  }

  /** True when it started, was not killed and exited 0. */
  public boolean succeeded() {
    return startError.isEmpty() && !timedOut && !interrupted && exitCode == 0;
  }

  /**
   * Why it did not succeed, with the stderr tail, e.g. {@code exit 1: llama_bench: error: failed to
   * load model '/x.gguf'}; empty when it succeeded.
   */
  public String failureReason() {
    if (succeeded()) return "";
    String why;
    if (!startError.isEmpty()) why = "could not start: " + startError;
    else if (timedOut) why = "timed out after " + seconds() + ", process tree killed";
    else if (interrupted) why = "interrupted after " + seconds() + ", process tree killed";
    else why = "exit " + exitCode + (exitCode > 128 ? " (signal " + (exitCode - 128) + ")" : "");
    return stderrTail.isEmpty() ? why : why + "; stderr tail:\n" + String.join("\n", stderrTail);
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
