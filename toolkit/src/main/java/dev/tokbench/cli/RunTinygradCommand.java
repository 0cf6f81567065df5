package dev.tokbench.cli;

import dev.tokbench.run.tinygrad.Tinygrad;
import dev.tokbench.run.tinygrad.TinygradOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tokbench run tinygrad}: its options are {@link TinygradOptions}' components. */
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
final class RunTinygradCommand implements Callable<Integer>, RecordOptions.Holder {
  @CommandLine.Spec CommandSpec spec;

  @CommandLine.Mixin RunOptions options;

  private RecordOptions<TinygradOptions> tinygrad;

  @Override
  public void addOptions(CommandSpec command) {
    tinygrad = RecordOptions.addTo(command, TinygradOptions.DEFAULTS);
  }

  @Override
  public Integer call() {
    Tinygrad run = Tinygrad.of(tinygrad.value());
    return RunRows.write(options.applyTo(run).run(), options.out, spec);
  }
}
