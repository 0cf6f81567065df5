package dev.tokbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Stand-in for {@code tokbench run} until the run command lands: it carries only {@code embedded}.
 * When it lands, delete this class and its line in {@link Subcommands}, and add {@code
 * RunEmbeddedCommand.class} to {@code RunCommand}'s subcommands.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Launch a benchmark.",
    subcommands = {RunEmbeddedCommand.class})
final class EmbeddedRunParent implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
