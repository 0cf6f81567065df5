package dev.tokbench.cli;

import dev.tokbench.run.mlc.MlcLlm;
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
      "Example: tokbench run mlc --model-dir dist/Llama-3.2-1B-Instruct-q4f16_1-MLC"
          + " --model-lib dist/libs/llama-cuda.so --input-len 512 --output-len 128 --out results.csv",
      "Exit status 3 when a row is not ok."
    })
final class RunMlcCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model-dir", required = true, description = "compiled model folder")
  Path modelDir;

  @Option(names = "--model-lib", required = true, description = "compiled model library (.so)")
  Path modelLib;

  @Option(names = "--name", description = "model name in rows (default: the folder's name)")
  String name;

  @Option(names = "--python", description = "interpreter with mlc_llm (default: python3)")
  String python = "python3";

  @Option(names = "--requests", description = "requests (default: 16)")
  int requests = 16;

  @Option(names = "--input-len", description = "prompt tokens (default: 128)")
  int inputLen = 128;

  @Option(names = "--output-len", description = "generated tokens (default: 256)")
  int outputLen = 256;

  @Option(names = "--output", description = "where the bench writes its CSV (default: temp)")
  Path output;

  @CommandLine.Mixin RunOptions options;

  @Parameters(description = "more mlc_llm.bench arguments, after --")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    MlcRun run =
        MlcLlm.bench(modelDir, modelLib)
            .python(python)
            .requests(requests)
            .inputLen(inputLen)
            .outputLen(outputLen)
            .arg(args.toArray(String[]::new))
            .output(output);
    if (name != null) run.model(name);
    return RunRows.write(options.applyTo(run).run(), options.out, spec);
  }
}
