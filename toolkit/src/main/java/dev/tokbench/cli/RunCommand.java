package dev.tokbench.cli;

import picocli.CommandLine.Command;

/**
 * {@code tokbench run FRAMEWORK …}: launches a benchmark. A new framework is one more class in
 * {@code subcommands} below.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Launch a benchmark and append its normalised rows to a results file.",
    subcommands = {
      RunLlamaBenchCommand.class,
      RunTinygradCommand.class,
      RunEmbeddedCommand.class,
      RunVllmCommand.class,
      RunMlcCommand.class
    })
final class RunCommand extends GroupCommand {}
