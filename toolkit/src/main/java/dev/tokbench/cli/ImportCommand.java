package dev.tokbench.cli;

import dev.tokbench.formats.Import;
import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import saved benchmark output as normalised rows: llama-bench json, jsonl, csv, md or sql"
          + " (recognised from content), tinygrad logs, tinygrad_bench.py JSON lines (pp/tg),"
          + " vLLM --output-json, MLC LLM bench CSV.",
      "Exit status 3 when any imported row is not ok."
    },
    footer = {"", "Example:", "  tokbench import --out results.csv h100-report-matrix.json"})
final class ImportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      description =
          "The format, when not recognised from content: auto (the default), json, jsonl, csv,"
              + " md, sql, tinygrad, tinygrad-bench, vllm, mlc or tokbench.")
  String format = "auto";

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "The results file to append to (.csv or .jsonl); without it, CSV on stdout.")
  Path out;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to import.")
  List<Path> files;

  @Override
  public Integer call() {
    List<BenchResult> rows = new ArrayList<>();
    for (Path f : files) rows.addAll(Import.read(f, format));
    return RunRows.write(rows, out, spec);
  }
}
