package dev.tokbench.cli;

import dev.tokbench.run.tinygrad.Tinygrad;
import dev.tokbench.run.tinygrad.TinygradOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "tinygrad",
    mixinStandardHelpOptions = true,
    description = {
      "Run tinygrad's examples/llama3.py --benchmark from a checkout and append its row.",
      "Exit status 3 when the row failed."
    },
    footer = {
      "",
      "Example:",
      "  tokbench run tinygrad --checkout ~/tinygrad --model llama-3.2-1b-Q4_K_M.gguf \\",
      "      --backend CUDA --jitbeam 2"
    })
final class RunTinygradCommand implements Callable<Integer> {
  private static final TinygradOptions DEFAULTS = TinygradOptions.DEFAULTS;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--checkout",
      required = true,
      paramLabel = "DIR",
      description = "The tinygrad source checkout.")
  Path checkout;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The GGUF file.")
  Path model;

  @Option(
      names = "--backend",
      description = "The backend: CUDA, NV, AMD, METAL, CPU … (default: ${DEFAULT-VALUE}).")
  String backend = DEFAULTS.backend();

  @Option(names = "--size", description = "The --size of llama3.py (default: ${DEFAULT-VALUE}).")
  String size = DEFAULTS.size();

  @Option(names = "--python", description = "The Python interpreter (default: ${DEFAULT-VALUE}).")
  String python = DEFAULTS.python();

  @Option(names = "--beam", paramLabel = "WIDTH", description = "BEAM: search width for kernels.")
  Integer beam = DEFAULTS.beam();

  @Option(
      names = "--jitbeam",
      paramLabel = "WIDTH",
      description = "JITBEAM: search width for jitted kernels only.")
  Integer jitBeam = DEFAULTS.jitbeam();

  @Option(
      names = "--warmup",
      paramLabel = "TOKENS",
      description = "Leading tokens discarded as JIT warm-up (default: ${DEFAULT-VALUE}).")
  int warmup = DEFAULTS.warmupTokens();

  @CommandLine.Mixin RunOptions options;

  @Override
  public Integer call() {
    TinygradOptions o =
        new TinygradOptions(checkout, model, size, backend, python, warmup, beam, jitBeam);
    return RunRows.write(options.applyTo(Tinygrad.of(o)).run(), options.out, spec);
  }
}
