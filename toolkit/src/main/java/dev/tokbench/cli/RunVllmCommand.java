package dev.tokbench.cli;

import dev.tokbench.run.vllm.VllmOptions;
import dev.tokbench.run.vllm.VllmRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** {@code tokbench run vllm}: its options are {@link VllmOptions}' components. */
@Command(
    name = "vllm",
    mixinStandardHelpOptions = true,
    description = {
      "Run `vllm bench latency` (the default) or `vllm bench throughput` and append its row;"
          + " `vllm --version` is checked first, and a failure is a not-installed row.",
      "Exit status 3 when the row is not ok."
    },
    footer = {
      "",
      "Example:",
      "  tokbench run vllm --model meta-llama/Llama-3.2-1B-Instruct --input-len 512 \\",
      "      --output-len 128 --batch-size 1 --out results.csv -- --dtype bfloat16"
    })
final class RunVllmCommand implements Callable<Integer>, RecordOptions.Holder {
  @CommandLine.Spec CommandSpec spec;

  @CommandLine.Mixin RunOptions options;

  @Parameters(paramLabel = "ARG", description = "More vllm arguments, after --.")
  List<String> args = new ArrayList<>();

  private RecordOptions<VllmOptions> vllm;

  @Override
  public void addOptions(CommandSpec command) {
    vllm = RecordOptions.addTo(command, VllmOptions.DEFAULTS);
  }

  @Override
  public Integer call() {
    VllmRun run = VllmRun.of(vllm.value()).arg(args.toArray(String[]::new));
    return RunRows.write(options.applyTo(run).run(), options.out, spec);
  }
}
