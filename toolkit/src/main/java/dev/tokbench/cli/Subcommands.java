package dev.tokbench.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The one place where subcommands are registered, so that adding one touches a single line. Keep
 * the list in the order {@code tokbench --help} should show it.
 */
final class Subcommands {
  private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("gguf", GgufCommand::new);
    ALL.put("report", ReportCommand::new);
    ALL.put("synth", SynthCommand::new);
    ALL.put("notebook", NotebookCommand::new);
    ALL.put("kernel", KernelCommand::new);
    ALL.put("jshell", JShellCommand::new);
    ALL.put("device", DeviceCommand::new);
    ALL.put("run", RunCommand::new);
    ALL.put("import", ImportCommand::new);
    ALL.put("sweep", SweepCommand::new);
  }

  private Subcommands() {}

  static void register(CommandLine cl) {
    ALL.values().forEach(s -> cl.addSubcommand(s.get()));
  }

  /** The names, in {@code --help} order. */
  static Iterable<String> names() {
    return ALL.keySet();
  }

  /**
   * Registers only the subcommand {@code name}, if there is one by that name: picocli reflects over
   * every registered command class, and the full tree costs a command-line start about 0.1 s.
   */
  static boolean registerOnly(CommandLine cl, String name) {
    Supplier<Object> s = ALL.get(name);
    if (s == null) return false;
    cl.addSubcommand(name, s.get());
    return true;
  }
}
