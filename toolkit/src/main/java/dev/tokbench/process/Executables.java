package dev.tokbench.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a program the way a shell would, in the {@code PATH} the run will have: the one set in the
 * run's environment if any, else this JVM's. Java starts a bare name through its own {@code PATH}
 * only, so a run that sets {@code PATH} (a virtualenv's {@code bin}, a test's fake {@code vllm})
 * must be resolved here first.
 */
public final class Executables {
  private Executables() {}

  /** A name with a slash as given; a bare name looked up in {@code PATH}. */
  public static Optional<Path> find(String name, Map<String, String> env) {
    if (name.contains("/")) return Optional.of(Path.of(name));
    String path = env.getOrDefault("PATH", Optional.ofNullable(System.getenv("PATH")).orElse(""));
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * The program to launch: found in {@code PATH}, else the bare name (the launch then says why).
   */
  public static String resolve(String name, Map<String, String> env) {
    return find(name, env).map(Path::toString).orElse(name);
  }
}
