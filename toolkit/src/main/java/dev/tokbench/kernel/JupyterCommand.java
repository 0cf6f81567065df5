package dev.tokbench.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers and removes kernelspecs through {@code jupyter kernelspec}, so they land wherever
 * this Jupyter looks ({@code --user}, {@code --sys-prefix}, {@code --prefix DIR}).
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
      List<String> command = new ArrayList<>(List.of(jupyter, "kernelspec", "install", "--replace", "--name", spec.name()));
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
    return run(List.of(jupyter, "kernelspec", "uninstall", "-y", name));
  }

  private String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int exit = p.waitFor();
      if (exit != 0) {
        throw new KernelSetupException(String.join(" ", command) + " exited " + exit + ": " + output);
      }
      return output;
    } catch (IOException e) {
      throw new KernelSetupException(
          "cannot run " + jupyter + " (" + e.getMessage() + "); install Jupyter or pass --jupyter PATH");
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
