package dev.tokbench.cli;

import dev.tokbench.run.llamacpp.LlamaBench;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "llama-bench",
    mixinStandardHelpOptions = true,
    description = {
      "Run llama.cpp's llama-bench (with -o jsonl) and append each test's row as it finishes.",
      "Example: tokbench run llama-bench --out results.csv -- -m model.gguf -p 512 -n 128 -fa 0,1",
      "Without --binary, $LLAMA_BENCH or a llama-bench on the PATH, the llama.cpp embedded in"
          + " tokbench runs the tests (CPU; -m -p -n -r -t only) and says so on stderr.",
      "Exit status 3 when any row failed."
    })
final class RunLlamaBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--binary", description = "llama-bench to run (default: $LLAMA_BENCH, else PATH)")
  Path binary;

  @CommandLine.Mixin RunOptions options;

  @Option(
      names = "--embedded",
      description = "use the embedded llama.cpp even when a llama-bench is configured")
  boolean embedded;

  @Parameters(description = "llama-bench flags, after --")
  List<String> flags = new ArrayList<>();

  @Override
  public Integer call() {
    LlamaBench engine =
        embedded
            ? LlamaBench.embedded()
            : binary != null ? LlamaBench.at(binary) : LlamaBench.auto();
    if (engine.isEmbedded()) spec.commandLine().getErr().println("running " + engine.engine());
    LlamaBench bench = options.applyTo(engine.arg(flags.toArray(String[]::new)));
    try (RunRows.Output out = RunRows.Output.open(options.out, spec)) {
      bench.run(out);
      return out.finish(spec);
    }
  }
}
