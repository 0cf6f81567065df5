package dev.tokbench.run;

import dev.tokbench.process.Launcher;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Python framework can be imported, asked of the real interpreter: {@code python3 -c
 * 'import vllm'}. A failure becomes a {@code not-installed} row that says what was tried and what
 * Python answered, as in the report's "vLLM: install failed".
 *
 * @param framework the framework's name in result rows ({@code vllm}, {@code mlc-llm})
 * @param command the check that was run, as a shell line
 * @param version the module's {@code __version__} when importable, else empty
 * @param failure why it is not available, else empty
 */
public record Availability(String framework, String command, String version, String failure) {
  /** True when the module imported. */
  public boolean available() {
    return failure.isEmpty();
  }

  /** Imports {@code module} with {@code python} and reads its {@code __version__}. */
  public static Availability ofPythonModule(String framework, String python, String module) {
    return ofPythonModule(framework, python, module, Map.of());
  }

  /** The same with the run's environment ({@code PATH}, {@code PYTHONPATH}, a virtualenv …). */
  public static Availability ofPythonModule(
      String framework, String python, String module, Map<String, String> env) {
    String code = "import " + module + "; print(getattr(" + module + ", '__version__', ''))";
    ProcessSpec spec = ProcessSpec.of(python, "-c", code).withEnv(env);
    return probe(framework, spec, python + " -c 'import " + module + "'");
  }

  /**
   * Runs a version command such as {@code vllm --version} with the run's environment: available
   * when it exits 0, its last stdout line being the version.
   */
  public static Availability ofCommand(String framework, ProcessSpec versionCommand) {
    return probe(framework, versionCommand, versionCommand.commandLine());
  }

  private static Availability probe(String framework, ProcessSpec spec, String shown) {
    StringBuilder out = new StringBuilder();
    ProcessOutcome o =
        Launcher.run(
            spec.withTimeout(Duration.ofSeconds(120)),
            line -> out.replace(0, out.length(), line.trim()));
    if (o.succeeded()) return new Availability(framework, shown, out.toString(), "");
    String last =
        o.stderrTail().isEmpty()
            ? o.failureReason()
            : o.stderrTail().get(o.stderrTail().size() - 1);
    if (!o.startError().isEmpty()) last = o.startError();
    return new Availability(framework, shown, "", last);
  }

  /** The row that stands for the framework when it is not available. */
  public Optional<BenchResult> notInstalledRow(Map<String, String> provenance) {
    if (available()) return Optional.empty();
    String reason = framework + " not installed: `" + command + "` failed: " + failure;
    return Optional.of(
        BenchResult.failed(framework, Status.NOT_INSTALLED, reason).withProvenance(provenance));
  }

  @Override
  public String toString() {
    return framework + (available() ? " " + version : " not available: " + failure);
  }
}
