package dev.tokbench.kernel;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Jupyter as the tests use it: only {@code /usr/bin/python3} and {@code /usr/bin/jupyter}
 * see its modules. Absent Jupyter fails the test under {@code CI=true} and skips it otherwise.
 */
final class RealJupyter {
  static final String PYTHON = "/usr/bin/python3";
  static final String JUPYTER = "/usr/bin/jupyter";

  private RealJupyter() {}

  /** Skips (or, on CI, fails) unless Jupyter with the given Python modules is installed. */
  static void require(String... modules) {
    String imports = "import " + String.join(", ", modules);
    boolean present;
    try {
      present = run(List.of(PYTHON, "-c", imports), Map.of(), 60).exitCode() == 0;
    } catch (IOException e) {
      present = false;
    }
    String reason =
        "Jupyter is not installed ("
            + PYTHON
            + " -c '"
            + imports
            + "' failed); install it with "
            + "apt-get install jupyter-nbconvert python3-nbclient python3-nbformat python3-jupyter-client";
    if (!present && "true".equals(System.getenv("CI"))) {
      fail(reason);
    }
    if (!present) {
      System.out.println("skipped: " + reason);
    }
    assumeTrue(present, reason);
  }

  /**
   * Writes a kernelspec named {@code name} that runs this JVM's class path into {@code
   * dir/kernels/name}; returns {@code dir}, ready to be Jupyter's {@code JUPYTER_PATH}.
   */
  static Path kernelspecs(Path dir, String name) {
    Kernelspec.forToolkit()
        .withName(name)
        .withJvmOptions(List.of("-Xmx1g"))
        .writeTo(dir.resolve("kernels").resolve(name));
    return dir;
  }

  record Result(int exitCode, String output) {}

  /** Runs a command with extra environment, output and errors together, killed after the limit. */
  static Result run(List<String> command, Map<String, String> env, int timeoutSeconds)
      throws IOException {
    Path log = Files.createTempFile("tokbench-jupyter", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
        return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
