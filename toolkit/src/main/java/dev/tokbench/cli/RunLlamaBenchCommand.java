package dev.tokbench.cli;

import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.run.llamacpp.LlamaBenchOptions;
import dev.tokbench.run.llamacpp.embedded.EmbeddedOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "llama-bench",
    mixinStandardHelpOptions = true,
    description = {
      "Run llama.cpp's llama-bench (with -o jsonl) and append each test's row as it finishes.",
      "Without --binary, $LLAMA_BENCH or a llama-bench on the PATH, the llama.cpp embedded in"
          + " tokbench runs the tests (CPU) and says so on stderr; it takes -m, -p (default "
          + EmbeddedOptions.DEFAULT_PROMPT
          + "), -n (default "
          + EmbeddedOptions.DEFAULT_GEN
          + "), -r (default "
          + EmbeddedOptions.DEFAULT_REPETITIONS
          + ") and -t (default: every core).",
      "Exit status 3 when any row failed."
    },
    footer = {
      "",
      "Example:",
      "  tokbench run llama-bench --out results.csv -- -m model.gguf -p 512 -n 128 -fa 0,1"
    })
final class RunLlamaBenchCommand implements Callable<Integer>, RecordOptions.Holder {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin RunOptions options;

  @Parameters(paramLabel = "FLAG", description = "The flags of llama-bench itself, after --.")
  List<String> flags = new ArrayList<>();

  private RecordOptions<LlamaBenchOptions> engine;

  @Override
  public void addOptions(CommandLine.Model.CommandSpec command) {
    engine = RecordOptions.addTo(command, LlamaBenchOptions.DEFAULTS);
  }

  @Override
  public Integer call() {
    return run(LlamaBench.of(engine.value()), flags, options, spec);
  }

  /** Runs {@code engine} with llama-bench's {@code flags}, rows to {@code --out} as they come. */
  static int run(
      LlamaBench engine,
      List<String> flags,
      RunOptions options,
      CommandLine.Model.CommandSpec spec) {
    if (engine.isEmbedded()) spec.commandLine().getErr().println("running " + engine.engine());
    LlamaBench bench = options.applyTo(engine.arg(flags.toArray(String[]::new)));
    try (RunRows.Output out = RunRows.Output.open(options.out, spec)) {
      bench.run(out);
      return out.finish(spec);
    }
  }
}
