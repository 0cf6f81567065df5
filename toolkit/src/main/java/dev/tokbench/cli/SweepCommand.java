package dev.tokbench.cli;

import dev.tokbench.sweep.Retries;
import dev.tokbench.sweep.SweepFile;
import dev.tokbench.sweep.SweepReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a benchmark matrix declared in YAML or JSON into its append-only store.",
      "Points already in the store are skipped, so re-running a killed sweep finishes it;"
          + " a point that failed or hung is run again (--retries times at most), one that ran"
          + " out of memory only with --retry-oom.",
      "Exit status 3 when any row of the store is not ok."
    },
    footer = {"", "Example:", "  tokbench sweep sweeps/h100.yaml"})
final class SweepCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The sweep file (.yaml, .yml or .json).")
  Path file;

  @Option(
      names = "--retries",
      paramLabel = "N",
      description =
          "How many times a done point with a failed or hung row is run again, over all re-runs"
              + " (default: 2; 0 for never).")
  int retries = Retries.DEFAULT.times();

  @Option(
      names = "--retry-oom",
      description = "Also run again the points that ran out of memory (oom).")
  boolean retryOom;

  @Override
  public Integer call() {
    PrintStream progress = System.err;
    SweepReport r =
        SweepFile.read(file)
            .progress(progress, System.console() != null)
            .retries(new Retries(retries, retryOom))
            .run();
    spec.commandLine().getOut().println(r);
    spec.commandLine().getOut().flush();
    return r.failures().isEmpty() ? 0 : RunRows.SOME_ROWS_FAILED;
  }
}
