package dev.tokbench.energy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The helper processes a source runs: {@code nvidia-smi}, {@code tegrastats}, {@code nvpmodel}.
 * Kept here rather than borrowed from the launchers, so that the run package can depend on energy
 * and not the other way round. A missing program is an empty result, never an exception.
 */
final class Programs {
  private Programs() {}

  /** What a short command printed on stdout (stderr merged), and how it exited. */
  record Output(int exitCode, String text) {
    boolean ok() {
      return exitCode == 0;
    }

    /** The first line, for messages. */
    String firstLine() {
      return text.lines().findFirst().orElse("").trim();
    }
  }

  /** {@code name} in the {@code PATH} of {@code env} (else this JVM's). */
  static Optional<Path> find(String name, Map<String, String> env) {
    if (name.contains("/")) return Optional.of(Path.of(name)).filter(Files::isExecutable);
    String path = env.getOrDefault("PATH", Optional.ofNullable(System.getenv("PATH")).orElse(""));
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Runs a command to its end, or kills it after {@code timeout}; empty when it cannot start. */
  static Optional<Output> run(List<String> command, Map<String, String> env, Duration timeout) {
    Optional<Path> bin = find(command.get(0), env);
    if (bin.isEmpty()) return Optional.empty();
    List<String> cmd = new ArrayList<>(command);
    cmd.set(0, bin.get().toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(1 << 20);
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        return Optional.of(new Output(-1, "timed out after " + timeout.toSeconds() + " s"));
      }
      return Optional.of(new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return Optional.of(new Output(-1, e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(new Output(-1, "interrupted"));
    }
  }

  /**
   * Starts a long-running command whose stdout lines go to {@code onLine} on a reader thread, as
   * they arrive; stderr is discarded.
   */
  static Process stream(List<String> command, Map<String, String> env, Consumer<String> onLine)
      throws IOException {
    Path bin =
        find(command.get(0), env)
            .orElseThrow(() -> new IOException(command.get(0) + " not in PATH"));
    List<String> cmd = new ArrayList<>(command);
    cmd.set(0, bin.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    Process p = pb.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine())
                  onLine.accept(line);
              } catch (IOException e) {
                // the stream closes when the process is stopped
              }
            },
            "tokbench-energy-" + bin.getFileName());
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  /** Stops a process and its children: politely, then forcibly after a second. */
  static void kill(Process p) {
    List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
    tree.add(0, p.toHandle());
    tree.forEach(ProcessHandle::destroy);
    try {
      p.waitFor(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tree.forEach(ProcessHandle::destroyForcibly);
  }
}
