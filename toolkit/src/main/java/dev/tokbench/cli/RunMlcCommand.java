package dev.tokbench.cli;

import dev.tokbench.run.mlc.MlcOptions;
import dev.tokbench.run.mlc.MlcRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "mlc",
    mixinStandardHelpOptions = true,
    description = {
      "Run MLC LLM's benchmark (python -m mlc_llm.bench, which starts its own server for the"
          + " model library) and append one row per pipeline; `import mlc_llm` is checked first.",
      "Exit status 3 when a row is not ok."
    },
    footer = {
      "",
      "Example:",
      "  tokbench run mlc --model-dir dist/Llama-3.2-1B-Instruct-q4f16_1-MLC \\",
      "      --model-lib dist/libs/llama-cuda.so --input-len 512 --output-len 128 \\",
      "      --out results.csv"
    })
final class RunMlcCommand implements Callable<Integer> {
  private static final MlcOptions DEFAULTS = MlcOptions.DEFAULTS;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model-dir",
      required = true,
      paramLabel = "DIR",
      description = "The compiled model's folder.")
  Path modelDir;

  @Option(
      names = "--model-lib",
      required = true,
      paramLabel = "FILE",
      description = "The compiled model library (.so).")
  Path modelLib;

  @Option(names = "--name", description = "The model's name in rows (default: the folder's name).")
  String name = DEFAULTS.name();

  @Option(
      names = "--python",
      description = "The interpreter that has mlc_llm (default: ${DEFAULT-VALUE}).")
  String python = DEFAULTS.python();

  @Option(names = "--requests", description = "Requests (default: ${DEFAULT-VALUE}).")
  int requests = DEFAULTS.numRequests();

  @Option(names = "--input-len", description = "Prompt tokens (default: ${DEFAULT-VALUE}).")
  int inputLen = DEFAULTS.inputLen();

  @Option(names = "--output-len", description = "Generated tokens (default: ${DEFAULT-VALUE}).")
  int outputLen = DEFAULTS.outputLen();

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Where the bench writes its CSV (default: a temporary file).")
  Path output = DEFAULTS.output();

  @CommandLine.Mixin RunOptions options;

  @Parameters(paramLabel = "ARG", description = "More mlc_llm.bench arguments, after --.")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    MlcOptions o =
        new MlcOptions(modelDir, modelLib, python, name, requests, inputLen, outputLen, output);
    MlcRun run = MlcRun.of(o).arg(args.toArray(String[]::new));
    return RunRows.write(options.applyTo(run).run(), options.out, spec);
  }
}
