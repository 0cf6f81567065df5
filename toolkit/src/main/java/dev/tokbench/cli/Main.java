package dev.tokbench.cli;

import dev.tokbench.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tokbench} command line. Each subcommand is a {@code Callable<Integer>}; only {@link
 * #main} exits. Bad input (a malformed file, a wrong argument) exits 2 with a one-line message that
 * says what and where; any other failure exits 1 with its stack trace.
 */
@Command(
    name = "tokbench",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Benchmark LLM inference on real devices and reproduce published reports.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main extends GroupCommand {
  /**
   * {@code tokbench} alone is a command line missing its command: usage on stderr, exit 2, so that
   * a script that lost its arguments fails instead of printing help into its output.
   */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }

  /** Exit status for input the user can fix: a bad file, a bad argument. */
  public static final int BAD_INPUT = 2;

  /** Builds the command line with every subcommand registered. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    Subcommands.register(cl);
    return ready(cl);
  }

  /**
   * The command line that {@code args} need: only the subcommand they name, or every one (for
   * {@code --help}, a misspelt name's suggestions, no arguments).
   */
  static CommandLine commandLine(String... args) {
    CommandLine cl = new CommandLine(new Main());
    if (args.length == 0 || !Subcommands.registerOnly(cl, args[0])) return commandLine();
    return ready(cl);
  }

  /** The tree with the options its records describe, and bad input mapped to exit status 2. */
  private static CommandLine ready(CommandLine cl) {
    RecordOptions.install(cl);
    cl.setExecutionExceptionHandler(Main::handle);
    return cl;
  }

  /** Runs the command line and returns its exit status, without exiting. */
  public static int execute(String... args) {
    // Tablesaw logs through SLF4J, which would warn on stderr that it has no provider
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    return commandLine(args).execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (BadInput.is(e)) {
      err.println("tokbench: " + e.getMessage());
      return BAD_INPUT;
    }
    e.printStackTrace(err);
    return 1;
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tokbench " + Version.current()};
    }
  }
}
