package dev.tokbench.cli;

import picocli.CommandLine;

/**
 * The one place where subcommands are registered, so that adding one touches a single line. Keep
 * the list in the order {@code tokbench --help} should show it.
 */
final class Subcommands {
  private Subcommands() {}

  static void register(CommandLine cl) {
    // e.g. cl.addSubcommand(new GgufCommand());
    cl.addSubcommand(new GgufCommand());
    cl.addSubcommand(new ReportCommand());
    cl.addSubcommand(new SynthCommand());
    cl.addSubcommand(new NotebookCommand());
    cl.addSubcommand(new KernelCommand());
    cl.addSubcommand(new JShellCommand());
    cl.addSubcommand(new DeviceCommand());
    cl.addSubcommand(new RunCommand());
    cl.addSubcommand(new ImportCommand());
    cl.addSubcommand(new SweepCommand());
  }
}
