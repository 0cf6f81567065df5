package dev.tokbench.cli;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsCsv;
import dev.tokbench.results.ResultsFile;
import dev.tokbench.run.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;

/** Where the run and import commands put rows, and the exit status they imply. */
final class RunRows {
  /** Exit status when the command worked but some benchmark rows are failed or not-installed. */
  static final int SOME_ROWS_FAILED = 3;

  private RunRows() {}

  /**
   * Where rows go as they are measured: appended to the results file {@code --out}, or without it
   * printed as CSV on stdout, a row as soon as its test finished (so a pipe sees them live and a
   * killed command has printed every finished row).
   */
  static final class Output implements Consumer<BenchResult>, AutoCloseable {
    private final Path out;
    private final ResultsFile file;
    private final CSVPrinter printer;
    private final List<BenchResult> rows = new ArrayList<>();

    private Output(Path out, ResultsFile file, CSVPrinter printer) {
      this.out = out;
      this.file = file;
      this.printer = printer;
    }

    static Output open(Path out, CommandLine.Model.CommandSpec spec) {
      if (out != null) return new Output(out, ResultsFile.append(out), null);
      try {
        CSVPrinter p = new CSVPrinter(spec.commandLine().getOut(), ResultsCsv.format());
        p.printRecord(ResultsCsv.COLUMNS);
        return new Output(null, null, p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void accept(BenchResult row) {
      rows.add(row);
      if (file != null) {
        file.accept(row);
        return;
      }
      try {
        printer.printRecord(ResultsCsv.cells(row));
        printer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The rows so far. */
    List<BenchResult> rows() {
      return rows;
    }

    @Override
    public void close() {
      if (file != null) file.close();
    }

    /** Closes, reports the rows on stderr and returns the exit status. */
    int finish(CommandLine.Model.CommandSpec spec) {
      close();
      return RunRows.finish(rows, out, spec.commandLine().getErr());
    }
  }

  /** Appends a finished run's rows to {@code out} (or prints them); returns the exit status. */
  static int write(RunResult r, Path out, CommandLine.Model.CommandSpec spec) {
    return write(r.rows(), out, spec);
  }

  /** Appends rows to {@code out} (or prints them); returns the exit status. */
  static int write(List<BenchResult> rows, Path out, CommandLine.Model.CommandSpec spec) {
    try (Output o = Output.open(out, spec)) {
      rows.forEach(o);
      return o.finish(spec);
    }
  }

  private static int finish(List<BenchResult> rows, Path out, PrintWriter stderr) {
    long failed = rows.stream().filter(r -> !r.ok()).count();
    stderr.println(
        rows.size() + " rows, " + failed + " not ok" + (out == null ? "" : " -> " + out));
    rows.stream().filter(r -> !r.ok()).forEach(r -> stderr.println("  " + r));
    stderr.flush();
    return failed == 0 && !rows.isEmpty() ? 0 : SOME_ROWS_FAILED;
  }
}
