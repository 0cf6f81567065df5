package dev.tokbench.cli;

import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.run.llamacpp.LlamaBenchOptions;
import dev.tokbench.run.llamacpp.embedded.EmbeddedOptions;
import picocli.CommandLine.Command;

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
final class RunLlamaBenchCommand extends FrameworkCommand<LlamaBenchOptions, LlamaBench> {
  RunLlamaBenchCommand() {
    super(LlamaBenchOptions.DEFAULTS, LlamaBench::of);
  }

  /** The embedded llama.cpp runs when none is configured: the user should know. */
  @Override
  void announce(LlamaBench bench) {
    if (bench.isEmbedded()) spec.commandLine().getErr().println("running " + bench.engine());
  }
}
