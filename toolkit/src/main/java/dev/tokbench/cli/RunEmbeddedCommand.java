package dev.tokbench.cli;

import dev.tokbench.BadInputException;
import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.run.llamacpp.embedded.EmbeddedOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
final class RunEmbeddedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The GGUF file.")
  Path model;

  @Option(names = "-p", description = "Prompt tokens (default: ${DEFAULT-VALUE}).")
  int prompt = EmbeddedOptions.DEFAULTS.prompt();

  @Option(names = "-n", description = "Generated tokens (default: ${DEFAULT-VALUE}).")
  int generate = EmbeddedOptions.DEFAULTS.gen();

  @Option(names = "-r", description = "Repetitions of each test (default: ${DEFAULT-VALUE}).")
  int repetitions = EmbeddedOptions.DEFAULTS.repetitions();

  @Option(names = "-t", description = "CPU threads (default: every core).")
  Integer threads;

  @Mixin RunOptions options;

  @Override
  public Integer call() {
    if (!Files.exists(model)) throw new BadInputException("no such file: " + model);
    List<String> flags = new ArrayList<>(List.of("-m", model.toString()));
    flags.addAll(List.of("-p", "" + prompt, "-n", "" + generate, "-r", "" + repetitions));
    if (threads != null) flags.addAll(List.of("-t", threads.toString()));
    return RunLlamaBenchCommand.run(LlamaBench.embedded(), flags, options, spec);
  }
}
