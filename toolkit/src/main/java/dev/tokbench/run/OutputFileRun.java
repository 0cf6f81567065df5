package dev.tokbench.run;

import dev.tokbench.BadInputException;
import dev.tokbench.device.Tegrastats;
import dev.tokbench.process.Launcher;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.RunIdentity;
import dev.tokbench.results.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A benchmark that writes its results to a file as it ends (vLLM's {@code --output-json}, MLC LLM's
 * {@code --output} CSV): check that the tool is there, launch it, read the file, and turn every way
 * that can go wrong into a row with status and reason, never an exception.
 */
public final class OutputFileRun {
  private OutputFileRun() {}

  public static RunResult run(
      RunIdentity id,
      Availability tool,
      ProcessSpec spec,
      Path output,
      Function<Path, List<BenchResult>> reader,
      Map<String, String> machine) {
    Map<String, String> provenance = RunProvenance.of(spec, Instant.now(), machine);
    provenance.put(id.framework() + "_version", tool.version());
    provenance.put("output_file", output.toString());
    if (!tool.available()) {
      BenchResult row = tool.notInstalledRow(provenance).orElseThrow();
      return new RunResult(
          List.of(id.failed(Status.NOT_INSTALLED, row.reason(), provenance)),
          notStarted(spec, tool.failure()),
          spec.log());
    }
    prepare(output);
    ProcessOutcome outcome;
    FailureLines why = new FailureLines();
    try (Tegrastats tegrastats = Tegrastats.start(spec.env())) {
      outcome = Launcher.run(spec, FailureLines.listener(line -> {}, why));
      provenance.putAll(tegrastats.drain().provenance());
    }
    List<BenchResult> rows = new ArrayList<>();
    String problem = outcome.succeeded() ? "" : why.reason(outcome);
    if (Files.isRegularFile(output)) {
      try {
        for (BenchResult r : reader.apply(output)) rows.add(r.withProvenance(provenance));
      } catch (BadInputException e) {
        problem = join(problem, "unreadable output: " + e.getMessage());
      }
    } else if (outcome.succeeded()) {
      problem = "exited 0 but wrote no output file " + output;
    }
    Status status = outcome.succeeded() ? Status.FAILED : why.status(outcome);
    if (!problem.isEmpty()) rows.add(id.failed(status, problem, provenance));
    return new RunResult(rows, outcome, spec.log());
  }

  /** A temporary file for the tool's output when the caller names none. */
  public static Path temporary(String prefix, String suffix) {
    try {
      return Files.createTempDirectory("tokbench-" + prefix).resolve(prefix + suffix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }

  public static Map<String, String> flags(Map<String, String> env, Object... namesAndValues) {
    Map<String, String> f = new LinkedHashMap<>(env);
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      f.put(namesAndValues[i].toString(), namesAndValues[i + 1].toString());
    }
    return f;
  }

  // The tool may not create the folder; a file left by an earlier run must not pass for this one's.
  private static void prepare(Path output) {
    try {
      if (output.getParent() != null) Files.createDirectories(output.getParent());
      Files.deleteIfExists(output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the old output " + output, e);
    }
  }

  private static ProcessOutcome notStarted(ProcessSpec spec, String why) {
    return new ProcessOutcome(
        spec.commandLine(), Instant.now(), Duration.ZERO, -1, false, why, List.of());
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "; " + b;
  }
}
