package dev.tokbench.cli;

import dev.tokbench.run.vllm.VllmOptions;
import dev.tokbench.run.vllm.VllmRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
final class RunVllmCommand implements Callable<Integer> {
  private static final VllmOptions DEFAULTS = VllmOptions.DEFAULTS;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--bench",
      description = "Which benchmark: latency or throughput (default: ${DEFAULT-VALUE}).")
  String bench = DEFAULTS.bench();

  @Option(
      names = "--model",
      required = true,
      description = "A Hugging Face model name or a model folder.")
  String model;

  @Option(
      names = "--binary",
      description =
          "The vllm executable, a path or a name on the PATH (default: ${DEFAULT-VALUE}).")
  String binary = DEFAULTS.binary();

  @Option(names = "--input-len", description = "Prompt tokens (default: ${DEFAULT-VALUE}).")
  int inputLen = DEFAULTS.inputLen();

  @Option(names = "--output-len", description = "Generated tokens (default: ${DEFAULT-VALUE}).")
  int outputLen = DEFAULTS.outputLen();

  @Option(
      names = "--batch-size",
      description = "Latency: sequences per batch (default: ${DEFAULT-VALUE}).")
  int batchSize = DEFAULTS.batchSize();

  @Option(names = "--iters", description = "Latency: timed iterations (default: ${DEFAULT-VALUE}).")
  int iters = DEFAULTS.numIters();

  @Option(names = "--prompts", description = "Throughput: requests (default: ${DEFAULT-VALUE}).")
  int prompts = DEFAULTS.numPrompts();

  @Option(
      names = "--output-json",
      paramLabel = "FILE",
      description = "Where vLLM writes its result (default: a temporary file).")
  Path outputJson = DEFAULTS.outputJson();

  @CommandLine.Mixin RunOptions options;

  @Parameters(paramLabel = "ARG", description = "More vllm arguments, after --.")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    VllmOptions o =
        new VllmOptions(
            bench, model, binary, inputLen, outputLen, batchSize, iters, prompts, outputJson);
    VllmRun run = VllmRun.of(o).arg(args.toArray(String[]::new));
    return RunRows.write(options.applyTo(run).run(), options.out, spec);
  }
}
