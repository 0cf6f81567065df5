package dev.tokbench.cli;

import dev.tokbench.fleet.Bundle;
import dev.tokbench.fleet.Fleet;
import dev.tokbench.fleet.FleetSweep;
import dev.tokbench.fleet.Target;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tokbench fleet install}: ships this tokbench to a fleet's targets ahead of a sweep. */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = {"Prepare the SSH hosts and Slurm partitions of a fleet file for sweeps."},
    subcommands = FleetCommand.Install.class,
    footer = {"", "Example:", "  tokbench fleet install --fleet fleet.yaml orin-1"})
final class FleetCommand extends GroupCommand {
  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Send this tokbench (its jars, checksummed) to the targets, skipping what is already there.",
        "A sweep with --fleet does the same on first use; this checks the targets beforehand.",
        "Exit status 1 when a target could not be installed."
      },
      footer = {"", "Example:", "  tokbench fleet install --fleet fleet.yaml orin-1 orin-2"})
  static final class Install implements Callable<Integer> {
    @Option(
        names = "--fleet",
        required = true,
        paramLabel = "FLEET",
        description = "The fleet file (.yaml).")
    Path fleet;

    @Parameters(
        arity = "0..*",
        paramLabel = "TARGET",
        description = "Targets to install on; every target of the fleet when none is named.")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
      Fleet f = Fleet.read(fleet);
      List<Target> targets = new ArrayList<>();
      for (String n : names) {
        targets.add(
            f.target(n)
                .orElseThrow(
                    () -> new IllegalArgumentException("no target '" + n + "' in " + fleet)));
      }
      if (targets.isEmpty()) targets.addAll(f.targets());
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      return FleetSweep.install(targets, Bundle.current(), out) == 0 ? 0 : 1;
    }
  }
}
