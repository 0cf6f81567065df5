package dev.tokbench.cli;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsCsv;
import dev.tokbench.run.ResultsFile;
import dev.tokbench.run.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Where the run and import commands put rows, and the exit status they imply. */
final class RunRows {
  /** Exit status when the command worked but some benchmark rows are failed or not-installed. */
  static final int SOME_ROWS_FAILED = 3;

  private RunRows() {}

  /** A sink appending to {@code out}, or one that does nothing when rows are printed at the end. */
  static ResultsFile open(Path out) {
    return out == null ? null : ResultsFile.append(out);
  }

  static Consumer<BenchResult> sink(ResultsFile f) {
    return f == null ? r -> {} : f;
  }

  /** Appends a finished run's rows to {@code out} (or prints them); returns the exit status. */
  static int write(RunResult r, Path out, CommandLine.Model.CommandSpec spec) {
    try (ResultsFile f = open(out)) {
      r.rows().forEach(sink(f));
    }
    return finish(r.rows(), out, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Prints rows as CSV when there is no output file; returns the exit status. */
  static int finish(List<BenchResult> rows, Path out, PrintWriter stdout, PrintWriter stderr) {
    if (out == null) {
      try {
        ResultsCsv.write(stdout, rows, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    long failed = rows.stream().filter(r -> !r.ok()).count();
    stderr.println(
        rows.size() + " rows, " + failed + " not ok" + (out == null ? "" : " -> " + out));
    rows.stream().filter(r -> !r.ok()).forEach(r -> stderr.println("  " + r));
    stdout.flush();
    stderr.flush();
    return failed == 0 && !rows.isEmpty() ? 0 : SOME_ROWS_FAILED;
  }
}
