package dev.tokbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** A tokbench command run by a test as the shell runs it, its two streams kept for asserting. */
final class CliRun {
  private CliRun() {}

  /**
   * The exit status of {@code tokbench ARGS}; what it printed is in {@code out} and {@code err}.
   */
  static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = Main.commandLine(args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
