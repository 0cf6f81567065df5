package dev.tokbench.cli;

import dev.tokbench.formats.Import;
import dev.tokbench.formats.ImportHints;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
          + " vLLM --output-json, MLC LLM bench CSV, tokbench serve-bench JSONL (a row per load"
          + " level, test kind serve).",
      "Each row records the SHA-256 of its file, so a file already in the --out file is skipped,"
          + " not added twice.",
      "Exit status 3 when any imported row is not ok."
    },
    footer = {
      "",
      "Examples:",
      "  tokbench import --out results.csv h100-report-matrix.json",
      "  tokbench import --out results.csv --model llama-3.2-1b --quant Q4_K_M \\",
      "      --device \"NVIDIA H100 80GB HBM3\" cuda_q4km.log"
    })
final class ImportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      description =
          "The format, when not recognised from content: auto (the default), json, jsonl, csv,"
              + " md, sql, tinygrad, tinygrad-bench, vllm, mlc, serve or tokbench. A format the content"
              + " is not is an error.")
  String format = "auto";

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "The results file to append to (.csv or .jsonl); without it, CSV on stdout.")
  Path out;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description = "The model's name, for rows whose output does not say (a bare tinygrad log).")
  String model = "";

  @Option(
      names = "--quant",
      paramLabel = "TYPE",
      description = "The quantization (Q4_K_M …), for rows whose output does not say.")
  String quant = "";

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description = "The backend (CUDA, NV …), for rows whose output does not say.")
  String backend = "";

  @Option(
      names = "--device",
      paramLabel = "NAME",
      description =
          "The device as the catalogue or nvidia-smi names it, for rows whose output does not"
              + " say.")
  String device = "";

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to import.")
  List<Path> files;

  @Override
  public Integer call() {
    ImportHints hints = new ImportHints(model, quant, backend, device);
    Set<String> done = imported(out);
    List<BenchResult> rows = new ArrayList<>();
    int skipped = 0;
    for (Path f : files) {
      if (ResultsFile.isResultsFile(f)) {
        skipped += merged(f, done, rows);
        continue;
      }
      String hash = Import.sha256(f);
      if (!done.add(hash)) {
        skip(f + ": already imported (sha256 " + hash.substring(0, 12) + ")");
        skipped++;
        continue;
      }
      Map<String, String> source =
          Map.of(Import.SOURCE_HASH, hash, "source_file", f.getFileName().toString());
      for (BenchResult r : Import.read(f, format, hints)) rows.add(r.withProvenance(source));
    }
    if (rows.isEmpty() && skipped > 0) {
      spec.commandLine().getErr().println("nothing new to import");
      return 0;
    }
    return RunRows.write(rows, out, spec);
  }

  /**
   * A results file's rows, as they are (their provenance already names the file each came from),
   * but those from a source already imported; returns how many rows it skipped.
   */
  private int merged(Path f, Set<String> done, List<BenchResult> rows) {
    Set<String> seen = new HashSet<>();
    int skipped = 0;
    for (BenchResult r : Import.read(f, format)) {
      String h = r.provenance().get(Import.SOURCE_HASH);
      if (h != null && done.contains(h)) skipped++;
      else rows.add(r);
      if (h != null) seen.add(h);
    }
    done.addAll(seen);
    if (skipped > 0) skip(f + ": " + skipped + " rows from files already imported");
    return skipped;
  }

  private void skip(String what) {
    spec.commandLine().getErr().println("skipped " + what);
  }

  /** The content hashes the rows of {@code out} were imported from. */
  private static Set<String> imported(Path out) {
    Set<String> hashes = new HashSet<>();
    if (out == null || !Files.isRegularFile(out) || !ResultsFile.isResultsFile(out)) return hashes;
    for (BenchResult r : ResultsFile.read(out)) {
      String h = r.provenance().get(Import.SOURCE_HASH);
      if (h != null) hashes.add(h);
    }
    return hashes;
  }
}
