package dev.tokbench.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one place where subcommands are registered, so that adding one touches a single line. Keep
 * the list in the order {@code tokbench --help} should show it.
 */
final class Subcommands {
  private static final List<Class<?>> ALL =
      List.of(
          GgufCommand.class,
          ReportCommand.class,
          CompareCommand.class,
          SynthCommand.class,
          NotebookCommand.class,
          KernelCommand.class,
          JShellCommand.class,
          DeviceCommand.class,
          EnergyCommand.class,
          RunCommand.class,
          ImportCommand.class,
          SweepCommand.class,
          FleetCommand.class,
          ServeBenchCommand.class);

  private Subcommands() {}

  static void register(CommandLine cl) {
    ALL.forEach(cl::addSubcommand);
  }

  /** The names, in {@code --help} order. */
  static List<String> names() {
    return ALL.stream().map(Subcommands::name).toList();
  }

  /**
   * Registers only the subcommand {@code name}, if there is one by that name: picocli reflects over
   * every registered command class, and the full tree costs a command-line start about 0.1 s.
   * Reading a class's {@code @Command} name does not.
   */
  static boolean registerOnly(CommandLine cl, String name) {
    for (Class<?> c : ALL) {
      if (name(c).equals(name)) {
        cl.addSubcommand(c);
        return true;
      }
    }
    return false;
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }
}
