package dev.tokbench.cli;

import dev.tokbench.FileReadException;
import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.run.llamacpp.embedded.EmbeddedOptions;
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
final class RunEmbeddedCommand implements Callable<Integer>, RecordOptions.Holder {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The GGUF file.")
  Path model;

  @Mixin RunOptions options;

  private RecordOptions<EmbeddedOptions> tests;

  @Override
  public void addOptions(CommandSpec command) {
    tests = RecordOptions.addTo(command, EmbeddedOptions.DEFAULTS);
  }

  @Override
  public Integer call() {
    FileReadException.requireReadable(model);
    EmbeddedOptions o = tests.value();
    List<String> flags = new ArrayList<>(List.of("-m", model.toString()));
    flags.addAll(List.of("-p", "" + o.prompt(), "-n", "" + o.gen(), "-r", "" + o.repetitions()));
    if (o.threads() > 0) flags.addAll(List.of("-t", "" + o.threads()));
    return RunLlamaBenchCommand.run(LlamaBench.embedded(), flags, options, spec);
  }
}
