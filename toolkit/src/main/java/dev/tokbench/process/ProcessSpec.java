package dev.tokbench.process;

import dev.tokbench.Records;
import dev.tokbench.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to launch: the command and its arguments, environment variables set on top of the inherited
 * ones (such as {@code DEV=CUDA}, {@code JITBEAM=2}), working directory, timeout and the run log
 * that receives both output streams.
 *
 * @param command the program and its arguments, never empty
 * @param env variables to set (they override inherited ones), in the order given
 * @param workDir where to run; {@code null} for the current directory
 * @param timeout how long before the whole process tree is killed
 * @param log file that receives every line of stdout and stderr; {@code null} for none
 * @param stall how long the process tree may go without output and without CPU (or GPU) progress
 *     before it counts as hung and is killed; {@code null} to wait for the timeout alone
 */
public record ProcessSpec(
    List<String> command,
    Map<String, String> env,
    Path workDir,
    Duration timeout,
    Path log,
    Duration stall) {
  /** One hour: a full llama-bench matrix on a small board takes tens of minutes. */
  public static final long DEFAULT_TIMEOUT_SECONDS = 3600;

  /** {@link #DEFAULT_TIMEOUT_SECONDS} as a duration. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

  public ProcessSpec {
    command = List.copyOf(command);
    if (command.isEmpty() || command.get(0).isBlank()) {
      throw new IllegalArgumentException("a process needs a program to run, got " + command);
    }
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (stall != null && (stall.isNegative() || stall.isZero())) {
      throw new IllegalArgumentException("a stall limit must be positive, got " + stall);
    }
  }

  /** A spec that is never called hung: only its timeout kills it. */
  public ProcessSpec(
      List<String> command, Map<String, String> env, Path workDir, Duration timeout, Path log) {
    this(command, env, workDir, timeout, log, null);
  }

  /** A command with no extra environment, the default timeout and no log. */
  public static ProcessSpec of(List<String> command) {
    return new ProcessSpec(command, Map.of(), null, DEFAULT_TIMEOUT, null);
  }

  /** A command with no extra environment, the default timeout and no log. */
  public static ProcessSpec of(String... command) {
    return of(List.of(command));
  }

  /** This spec with one more variable (replacing one of the same name). */
  public ProcessSpec withEnv(String name, String value) {
    return withEnv(Map.of(name, value));
  }

  /** This spec with more variables (replacing those of the same names). */
  public ProcessSpec withEnv(Map<String, String> vars) {
    Map<String, String> more = new LinkedHashMap<>(env);
    more.putAll(vars);
    return Records.with(this, ProcessSpec::env, more);
  }

  /** This spec run in {@code dir}. */
  public ProcessSpec withWorkDir(Path dir) {
    return Records.with(this, ProcessSpec::workDir, dir);
  }

  /** This spec killed after {@code t}. */
  public ProcessSpec withTimeout(Duration t) {
    return Records.with(this, ProcessSpec::timeout, t);
  }

  /** This spec killed as hung after {@code quiet} without output or progress; null for never. */
  public ProcessSpec withStall(Duration quiet) {
    return Records.with(this, ProcessSpec::stall, quiet);
  }

  /** This spec logging both streams to {@code file}. */
  public ProcessSpec withLog(Path file) {
    return Records.with(this, ProcessSpec::log, file);
  }

  /** The program's file name, without its directory: {@code llama-bench}. */
  public String programName() {
    return Path.of(command.get(0)).getFileName().toString();
  }

  /**
   * The command as one shell line, environment first: {@code DEV=CUDA python3 examples/llama3.py
   * --size 1B}, quoting what a POSIX shell would need quoted, credentials redacted ({@link
   * Secrets}): this is the line provenance, run logs and failure reasons record.
   */
  public String commandLine() {
    StringBuilder b = new StringBuilder();
    env.forEach(
        (k, v) -> b.append(k).append('=').append(quote(Secrets.envValue(k, v))).append(' '));
    for (String arg : Secrets.args(command))
      b.append(b.isEmpty() || b.charAt(b.length() - 1) == ' ' ? "" : " ").append(quote(arg));
    return b.toString();
  }

  static String quote(String s) {
    if (!s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./-]+")) return s;
    return "'" + s.replace("'", "'\\''") + "'";
  }

  @Override
  public String toString() {
    return commandLine() + " (timeout " + timeout + (stall == null ? "" : ", stall " + stall) + ")";
  }
}
