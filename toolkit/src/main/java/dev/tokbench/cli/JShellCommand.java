package dev.tokbench.cli;

import dev.tokbench.FileReadException;
import dev.tokbench.notebook.Evaluator;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code tokbench jshell [FILE.jsh]}: the JDK's jshell with the toolkit on its class path and the
 * notebooks' imports made, interactive or running a script. jshell itself goes on after a snippet
 * fails and exits 0; a script here exits 1 when any of its snippets threw or did not compile, the
 * error on stderr as jshell printed it.
 */
@Command(
    name = "jshell",
    mixinStandardHelpOptions = true,
    customSynopsis = "tokbench jshell [-hV] [FILE.jsh | JSHELL-OPTION]...",
    description = {
      "Start jshell with the toolkit on the class path and the notebooks' imports; the arguments"
          + " are script files (.jsh) and jshell's own options, passed on to it.",
      "Exit status 1 when a script's snippet throws or does not compile."
    },
    footer = {"", "Example: tokbench jshell scripts/inspect-gguf.jsh"})
final class JShellCommand implements Callable<Integer> {
  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    for (String a : args) {
      if (a.endsWith(".jsh") && !a.startsWith("-")) FileReadException.requireReadable(Path.of(a));
    }
    Path imports = Files.createTempFile("tokbench-imports", ".jsh");
    try {
      Files.writeString(imports, startup());
      List<String> options = new ArrayList<>(List.of("--class-path", classPath()));
      // Tablesaw's SLF4J would warn that it has no provider on every start
      options.add("-R-Dslf4j.internal.verbosity=ERROR");
      options.addAll(List.of("--startup", "DEFAULT", "--startup", imports.toString()));
      options.addAll(args);
      SnippetErrors errors = new SnippetErrors(System.err);
      PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
      int status = JavaShellToolBuilder.builder().err(err).start(options.toArray(String[]::new));
      err.flush();
      return status == 0 && errors.seen ? 1 : status;
    } finally {
      Files.deleteIfExists(imports);
    }
  }

  private static String startup() {
    StringBuilder startup = new StringBuilder();
    for (String imp : Evaluator.DEFAULT_IMPORTS) {
      if (!imp.startsWith("dev.tokbench.") || packageExists(imp)) {
        startup.append("import ").append(imp).append(";\n");
      }
    }
    return startup.toString();
  }

  /** Toolkit packages that have not landed yet would make jshell's startup fail. */
  private static boolean packageExists(String imp) {
    String pkg =
        imp.endsWith(".*") ? imp.replace(".*", "") : imp.substring(0, imp.lastIndexOf('.'));
    return JShellCommand.class.getClassLoader().getResource(pkg.replace('.', '/')) != null;
  }

  private static String classPath() {
    return System.getProperty("java.class.path");
  }

  /**
   * jshell's error stream, passed on unchanged, noting whether a snippet failed: jshell starts such
   * a report with {@code Exception } (an uncaught exception) or {@code Error:} (a compile error),
   * after {@code | } when it talks to a terminal.
   */
  private static final class SnippetErrors extends OutputStream {
    private final PrintStream target;
    private final StringBuilder line = new StringBuilder();
    private boolean seen;

    SnippetErrors(PrintStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      target.write(b);
      if (b == '\n') {
        String l = line.toString().replaceFirst("^\\|\\s+", "");
        seen |= l.startsWith("Exception ") || l.startsWith("Error:");
        line.setLength(0);
      } else {
        line.append((char) b);
      }
    }

    @Override
    public void flush() {
      target.flush();
    }
  }
}
