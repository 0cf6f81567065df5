package dev.tokbench.cli;

import dev.tokbench.run.mlc.MlcOptions;
import dev.tokbench.run.mlc.MlcRun;
import dev.tokbench.run.tinygrad.Tinygrad;
import dev.tokbench.run.tinygrad.TinygradOptions;
import dev.tokbench.run.vllm.VllmOptions;
import dev.tokbench.run.vllm.VllmRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tokbench run FRAMEWORK …}: launches a benchmark. A framework whose command needs nothing
 * but its options record is one line in {@link #addOptions}: the record says what the command does
 * and what its options are.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Launch a benchmark and append its normalised rows to a results file.",
    subcommands = {RunLlamaBenchCommand.class, RunEmbeddedCommand.class})
final class RunCommand extends GroupCommand implements RecordOptions.Holder {
  @Override
  public void addOptions(CommandSpec run) {
    run.addSubcommand(
        "tinygrad", FrameworkCommand.named("tinygrad", TinygradOptions.DEFAULTS, Tinygrad::of));
    run.addSubcommand("vllm", FrameworkCommand.named("vllm", VllmOptions.DEFAULTS, VllmRun::of));
    run.addSubcommand("mlc", FrameworkCommand.named("mlc", MlcOptions.DEFAULTS, MlcRun::of));
  }
}
