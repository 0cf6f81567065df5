package dev.tokbench.cli;

import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.run.llamacpp.LlamaBenchMatrix;
import dev.tokbench.run.llamacpp.LlamaBenchOptions;
import dev.tokbench.run.llamacpp.MatrixPoint;
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

  /** llama-bench's tests as it will run them: the matrix its arguments expand to. */
  @Override
  RunProgress.Plan plan(LlamaBench bench) {
    LlamaBenchMatrix m;
    try {
      m = LlamaBenchMatrix.of(bench.args());
    } catch (IllegalArgumentException e) {
      return RunProgress.Plan.UNKNOWN; // llama-bench will refuse them and say so
    }
    if (!m.expanded()) return RunProgress.Plan.UNKNOWN;
    return new RunProgress.Plan(
        m.size(),
        i -> {
          MatrixPoint p = m.point(i);
          String model = p.model().substring(p.model().lastIndexOf('/') + 1);
          return "test " + (i + 1) + ": " + (model.isEmpty() ? "" : model + " ") + p.test();
        });
  }

  /** The embedded llama.cpp runs when none is configured: the user should know. */
  @Override
  void announce(LlamaBench bench) {
    if (bench.isEmbedded()) spec.commandLine().getErr().println("running " + bench.engine());
  }
}
