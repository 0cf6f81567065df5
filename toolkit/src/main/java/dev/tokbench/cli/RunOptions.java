package dev.tokbench.cli;

import dev.tokbench.process.ProcessSpec;
import dev.tokbench.run.Benchmark;
import dev.tokbench.run.EnergySettings;
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

  @Option(
      names = "--energy",
      paramLabel = "SOURCES",
      description =
          "Where each test's energy comes from: auto (the best of nvml, nvidia-smi, tegrastats,"
              + " rapl that works here), off, or sources joined by commas (default: auto; without"
              + " a source the rows say none and why).")
  String energy;

  @Option(
      names = "--energy-period-ms",
      paramLabel = "MS",
      description = "How often power is read, in milliseconds (default: 100).")
  Long energyPeriodMs;

  @Option(
      names = "--energy-idle-s",
      paramLabel = "SECONDS",
      description =
          "Seconds of idle power read before the first launch, the baseline of net joules"
              + " (default: 3; 0 for none).")
  Double energyIdleS;

  @Option(
      names = "--energy-trace",
      paramLabel = "FILE",
      description = "A file for every power sample (tokbench's trace CSV).")
  Path energyTrace;

  /** The energy settings the options give, over the defaults; null when none was given. */
  EnergySettings energySettings() {
    if (energy == null && energyPeriodMs == null && energyIdleS == null && energyTrace == null)
      return null;
    EnergySettings e = EnergySettings.defaults();
    if (energy != null) e = e.withSources(EnergySettings.parse(energy));
    if (energyPeriodMs != null) e = e.withPeriod(Duration.ofMillis(energyPeriodMs));
    if (energyIdleS != null) e = e.withIdle(Duration.ofMillis(Math.round(energyIdleS * 1000)));
    if (energyTrace != null) e = e.withTrace(energyTrace);
    return e;
  }

  /** The run with the log, the timeout when one was given (else the run's own), the variables. */
  <R extends Benchmark<R>> R applyTo(R run) {
    R r = run.log(log);
    if (timeoutS != null) r = r.timeout(Duration.ofSeconds(timeoutS));
    for (Map.Entry<String, String> e : env.entrySet()) r = r.env(e.getKey(), e.getValue());
    EnergySettings e = energySettings();
    return e == null ? r : r.energy(e);
  }
}
