package dev.tokbench.cli;

import dev.tokbench.run.llamacpp.embedded.EmbeddedLlama;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tokbench run embedded}: llama.cpp in-process, nothing to install. */
@Command(
    name = "embedded",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark a GGUF model with the llama.cpp embedded in tokbench (de.kherud:llama 4.2.0, CPU):"
          + " pp and tg tests timed like llama-bench, rows in the normalised schema.",
      "Example: tokbench run embedded --model model.gguf -p 512 -n 128 -r 3 --out results.csv",
      "Exit status 3 when any row failed (e.g. an architecture the embedded llama.cpp does not know)."
    })
final class RunEmbeddedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "the GGUF file")
  Path model;

  @Option(
      names = "--out",
      description = "results file to append to (.csv or .jsonl); default: CSV on stdout")
  Path out;

  @Option(
      names = "-p",
      defaultValue = "512",
      description = "prompt tokens (default: ${DEFAULT-VALUE})")
  int prompt;

  @Option(
      names = "-n",
      defaultValue = "128",
      description = "generated tokens (default: ${DEFAULT-VALUE})")
  int generate;

  @Option(names = "-r", defaultValue = "5", description = "repetitions (default: ${DEFAULT-VALUE})")
  int repetitions;

  @Option(names = "-t", description = "threads (default: every core)")
  Integer threads;

  @Override
  public Integer call() {
    EmbeddedLlama bench =
        EmbeddedLlama.model(model).prompt(prompt).generate(generate).repetitions(repetitions);
    if (threads != null) bench = bench.threads(threads);
    return RunRows.write(bench.run(), out, spec);
  }
}
