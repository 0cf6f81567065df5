package dev.tokbench.cli;

import dev.tokbench.formats.vllm.LatencyShape;
import dev.tokbench.run.vllm.Vllm;
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
      "Run `vllm bench latency` (default) or `vllm bench throughput` and append its row;"
          + " `vllm --version` is checked first and a failure is a not-installed row.",
      "Example: tokbench run vllm --model meta-llama/Llama-3.2-1B-Instruct --input-len 512"
          + " --output-len 128 --batch-size 1 --out results.csv -- --dtype bfloat16",
      "Exit status 3 when the row is not ok."
    })
final class RunVllmCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--bench", description = "latency (default) or throughput")
  String bench = "latency";

  @Option(names = "--model", required = true, description = "Hugging Face name or model folder")
  String model;

  @Option(names = "--binary", description = "vllm executable (default: vllm on the PATH)")
  String binary = "vllm";

  @Option(names = "--input-len", description = "prompt tokens (default: 32)")
  int inputLen = LatencyShape.DEFAULT.inputLen();

  @Option(names = "--output-len", description = "generated tokens (default: 128)")
  int outputLen = LatencyShape.DEFAULT.outputLen();

  @Option(names = "--batch-size", description = "latency: sequences per batch (default: 8)")
  int batchSize = LatencyShape.DEFAULT.batchSize();

  @Option(names = "--iters", description = "latency: timed iterations (default: 30)")
  int iters = 30;

  @Option(names = "--prompts", description = "throughput: requests (default: 1000)")
  int prompts = 1000;

  @Option(names = "--output-json", description = "where vLLM writes its result (default: temp)")
  Path outputJson;

  @CommandLine.Mixin RunOptions options;

  @Parameters(description = "more vllm arguments, after --")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    VllmRun run =
        switch (bench) {
          case "latency" -> Vllm.latency(model).batchSize(batchSize).iters(iters);
          case "throughput" -> Vllm.throughput(model).prompts(prompts);
          default ->
              throw new CommandLine.ParameterException(
                  spec.commandLine(), "--bench is latency or throughput, not '" + bench + "'");
        };
    run.binary(binary).inputLen(inputLen).outputLen(outputLen).arg(args.toArray(String[]::new));
    run.outputJson(outputJson);
    return RunRows.write(options.applyTo(run).run(), options.out, spec);
  }
}
