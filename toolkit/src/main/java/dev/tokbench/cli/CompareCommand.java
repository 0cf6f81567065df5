package dev.tokbench.cli;

import dev.tokbench.BadInputException;
import dev.tokbench.report.Compare;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tokbench compare BASE CANDIDATE}: speedups with confidence intervals and a test. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two sets of runs like llama.cpp's compare-llama-bench.py, with statistics: each"
          + " side a data folder, a results file or sweep store, or a saved framework output.",
      "Configurations are paired on every setting but the one that differs between the sides (or"
          + " those named with --by), repeats merged first; each pair gets the speedup"
          + " (candidate ÷ baseline), its 95% confidence interval and Welch's t-test on the"
          + " repetitions of each side."
    },
    footer = {
      "",
      "Examples:",
      "  tokbench compare data/h100-sxm5-2026-11-25 data/h200-2026-12-01",
      "  tokbench compare --by flash_attn --format csv fa-off.jsonl fa-on.jsonl",
      "  tokbench compare --format json --out speedups.json old.csv new.csv"
    })
final class CompareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASE", description = "The baseline: folder or file.")
  Path base;

  @Parameters(index = "1", paramLabel = "CANDIDATE", description = "The candidate: folder or file.")
  Path candidate;

  @Option(
      names = "--by",
      paramLabel = "SETTING",
      split = ",",
      description =
          "The setting the sides differ in (device, commit, version, flash_attn, threads, model …);"
              + " without it, every setting that is the same within each side but not between"
              + " them.")
  List<String> by = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "The output format: md (the default), csv or json.")
  String format = "md";

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to this file instead of stdout.")
  Path out;

  @Override
  public Integer call() throws IOException {
    Compare c = Compare.of(base, candidate).by(by.toArray(String[]::new));
    String text =
        switch (format) {
          case "md", "markdown" -> c.markdown();
          case "csv" -> c.csv();
          case "json" -> c.json();
          default ->
              throw new BadInputException("--format " + format + ": expected md, csv or json");
        };
    if (out != null) {
      Files.writeString(out, text, StandardCharsets.UTF_8);
      spec.commandLine().getErr().println("tokbench: wrote " + out + " (" + c + ")");
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
