package dev.tokbench.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registers and removes kernelspecs through {@code jupyter kernelspec}, so they land wherever this
 * Jupyter looks ({@code --user}, {@code --sys-prefix}, {@code --prefix DIR}).
 */
public final class JupyterCommand {
  /** Where {@code jupyter kernelspec install} puts a spec. */
  public enum Scope {
    USER("--user"),
    SYS_PREFIX("--sys-prefix"),
    PREFIX("--prefix"),
    /** Jupyter's own default (system-wide, which may need root). */
    SYSTEM(null);

    private final String flag;

    Scope(String flag) {
      this.flag = flag;
    }
  }

  private final String jupyter;

  private JupyterCommand(String jupyter) {
    this.jupyter = jupyter;
  }

  /** Runs {@code jupyter} as found on the PATH, or the executable given. */
  public static JupyterCommand at(String executable) {
    return new JupyterCommand(executable);
  }

  /** Writes {@code spec} to a temporary directory and installs it; returns Jupyter's output. */
  public String install(Kernelspec spec, Scope scope, Path prefix) {
    Path staging = tempDir();
    try {
      Path dir = spec.writeTo(staging.resolve(spec.name()));
      List<String> command = kernelspecApp();
      command.addAll(List.of("install", "--replace", "--name", spec.name()));
      if (scope.flag != null) {
        command.add(scope.flag);
      }
      if (scope == Scope.PREFIX) {
        command.add(prefix.toString());
      }
      command.add(dir.toString());
      return run(command);
    } finally {
      deleteTree(staging);
    }
  }

  /** Removes the kernelspec called {@code name}; returns Jupyter's output. */
  public String uninstall(String name) {
    List<String> command = kernelspecApp();
    command.addAll(List.of("uninstall", "-y", name));
    return run(command);
  }

  /**
   * {@code jupyter kernelspec}, or, where Jupyter is installed without its {@code
   * jupyter-kernelspec} script (Debian's python3-jupyter-client alone), the same application run as
   * a module by the Python that {@code jupyter} itself runs on (its {@code #!} line).
   */
  List<String> kernelspecApp() {
    Optional<Path> executable = onPath(jupyter);
    if (executable.isPresent()
        && !Files.exists(executable.get().resolveSibling("jupyter-kernelspec"))) {
      Optional<String> python = interpreter(executable.get());
      if (python.isPresent()) {
        return new ArrayList<>(List.of(python.get(), "-m", "jupyter_client.kernelspecapp"));
      }
    }
    return new ArrayList<>(List.of(jupyter, "kernelspec"));
  }

  private static Optional<Path> onPath(String command) {
    if (command.contains(File.separator)) {
      return Optional.of(Path.of(command)).filter(Files::isExecutable);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> interpreter(Path script) {
    try (var lines = Files.lines(script, StandardCharsets.ISO_8859_1)) {
      return lines
          .findFirst()
          .filter(l -> l.startsWith("#!") && l.contains("python"))
          .map(l -> l.substring(2).strip().split("\\s+")[0]);
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty(); // not a readable text script (e.g. a binary launcher)
    }
  }

  private String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int exit = p.waitFor();
      if (exit != 0) {
        throw new KernelSetupException(
            String.join(" ", command) + " exited " + exit + ": " + output);
      }
      return output;
    } catch (IOException e) {
      throw new KernelSetupException(
          "cannot run "
              + jupyter
              + " ("
              + e.getMessage()
              + "); install Jupyter or pass --jupyter PATH");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KernelSetupException("interrupted while running " + command);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("tokbench-kernelspec");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  @Override
  public String toString() {
    return "JupyterCommand[" + jupyter + "]";
  }
}
