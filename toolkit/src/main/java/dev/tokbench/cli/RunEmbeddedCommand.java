package dev.tokbench.cli;

import dev.tokbench.FileReadException;
import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.run.llamacpp.embedded.EmbeddedOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tokbench run embedded}, the earlier name of {@code run llama-bench --embedded}: kept,
 * hidden from the help, for scripts that use it.
 */
@Command(
    name = "embedded",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark a GGUF model with the llama.cpp embedded in tokbench; the same as"
          + " tokbench run llama-bench --embedded -- -m FILE -p N -n N -r N -t N.",
      "Exit status 3 when any row failed (e.g. an architecture the embedded llama.cpp does not know)."
    })
final class RunEmbeddedCommand extends FrameworkCommand<EmbeddedOptions, LlamaBench> {
  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The GGUF file.")
  Path model;

  RunEmbeddedCommand() {
    super(EmbeddedOptions.DEFAULTS, null);
  }

  /** llama-bench's flags for these tests, run by the embedded llama.cpp. */
  @Override
  LlamaBench make(EmbeddedOptions o) {
    FileReadException.requireReadable(model);
    List<String> flags = new ArrayList<>(List.of("-m", model.toString()));
    flags.addAll(List.of("-p", "" + o.prompt(), "-n", "" + o.gen(), "-r", "" + o.repetitions()));
    if (o.threads() > 0) flags.addAll(List.of("-t", "" + o.threads()));
    return LlamaBench.embedded().arg(flags.toArray(String[]::new));
  }

  @Override
  void announce(LlamaBench bench) {
    spec.commandLine().getErr().println("running " + bench.engine());
  }
}
