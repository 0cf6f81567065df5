package dev.tokbench.cli;

import dev.tokbench.run.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every {@code run FRAMEWORK} command with an output file shares (a picocli mixin). */
final class RunOptions {
  @Option(names = "--env", description = "more variables, NAME=VALUE (repeatable)")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(
      names = "--out",
      description = "results file to append to (.csv or .jsonl); default: CSV on stdout")
  Path out;

  @Option(names = "--log", description = "file for both output streams")
  Path log;

  @Option(
      names = "--timeout",
      description = "seconds before the process tree is killed (default: 3600; tinygrad 1800)")
  Long timeoutS;

  /** Gives a run the log, the timeout when one was given (else the run's own), the variables. */
  <R extends RunSettings<R>> R applyTo(R run) {
    run.log(log);
    if (timeoutS != null) run.timeout(Duration.ofSeconds(timeoutS));
    env.forEach(run::env);
    return run;
  }
}
