package dev.tokbench.cli;

import dev.tokbench.run.mlc.MlcOptions;
import dev.tokbench.run.mlc.MlcRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** {@code tokbench run mlc}: its options are {@link MlcOptions}' components. */
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
final class RunMlcCommand implements Callable<Integer>, RecordOptions.Holder {
  @CommandLine.Spec CommandSpec spec;

  @CommandLine.Mixin RunOptions options;

  @Parameters(paramLabel = "ARG", description = "More mlc_llm.bench arguments, after --.")
  List<String> args = new ArrayList<>();

  private RecordOptions<MlcOptions> mlc;

  @Override
  public void addOptions(CommandSpec command) {
    mlc = RecordOptions.addTo(command, MlcOptions.DEFAULTS);
  }

  @Override
  public Integer call() {
    MlcRun run = MlcRun.of(mlc.value()).arg(args.toArray(String[]::new));
    return RunRows.write(options.applyTo(run).run(), options.out, spec);
  }
}
