package dev.tokbench.cli;

import dev.tokbench.formats.tinygrad.WarmupRule;
import dev.tokbench.run.tinygrad.Tinygrad;
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
      "Example: tokbench run tinygrad --checkout ~/tinygrad --model llama-3.2-1b-Q4_K_M.gguf --backend CUDA --jitbeam 2",
      "Exit status 3 when the row failed."
    })
final class RunTinygradCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--checkout", required = true, description = "tinygrad source checkout")
  Path checkout;

  @Option(names = "--model", required = true, description = "GGUF file")
  Path model;

  @Option(names = "--backend", description = "CUDA, NV, AMD, METAL, CPU … (default: CUDA)")
  String backend = "CUDA";

  @Option(names = "--size", description = "llama3.py --size (default: 1B)")
  String size = "1B";

  @Option(names = "--python", description = "Python interpreter (default: python3)")
  String python = "python3";

  @Option(names = "--beam", description = "BEAM width")
  Integer beam;

  @Option(names = "--jitbeam", description = "JITBEAM width")
  Integer jitBeam;

  @Option(names = "--warmup", description = "leading tokens discarded as JIT warm-up (default: 2)")
  int warmup = 2;

  @CommandLine.Mixin RunOptions options;

  @Override
  public Integer call() {
    Tinygrad t =
        Tinygrad.at(checkout)
            .model(model)
            .backend(backend)
            .size(size)
            .python(python)
            .warmup(WarmupRule.firstTokens(warmup));
    if (beam != null) t.beam(beam);
    if (jitBeam != null) t.jitBeam(jitBeam);
    return RunRows.write(options.applyTo(t).run(), options.out, spec);
  }
}
