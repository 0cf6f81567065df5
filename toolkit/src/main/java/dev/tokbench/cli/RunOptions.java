package dev.tokbench.cli;

import dev.tokbench.process.ProcessSpec;
import dev.tokbench.run.Benchmark;
import dev.tokbench.run.tinygrad.Tinygrad;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every {@code run FRAMEWORK} command shares (a picocli mixin). */
final class RunOptions {
  @Option(
      names = "--env",
      paramLabel = "NAME=VALUE",
      description = "A variable for the process; repeat for more.")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "The results file to append to (.csv or .jsonl); without it, CSV on stdout.")
  Path out;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description = "A file for both output streams, each line tagged with its stream.")
  Path log;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "Seconds before the process tree is killed (default: "
              + ProcessSpec.DEFAULT_TIMEOUT_SECONDS
              + "; tinygrad: "
              + Tinygrad.DEFAULT_TIMEOUT_SECONDS
              + ").")
  Long timeoutS;

  /** The run with the log, the timeout when one was given (else the run's own), the variables. */
  <R extends Benchmark<R>> R applyTo(R run) {
    R r = run.log(log);
    if (timeoutS != null) r = r.timeout(Duration.ofSeconds(timeoutS));
    for (Map.Entry<String, String> e : env.entrySet()) r = r.env(e.getKey(), e.getValue());
    return r;
  }
}
