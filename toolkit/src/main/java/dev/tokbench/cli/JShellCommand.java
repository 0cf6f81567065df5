package dev.tokbench.cli;

import dev.tokbench.notebook.Evaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tokbench jshell [FILE.jsh]}: the JDK's jshell with the toolkit on its class path and the
 * notebooks' imports made, interactive or running a script.
 */
@Command(
    name = "jshell",
    description = "Start jshell with the toolkit on the class path and the notebooks' imports.")
final class JShellCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ARG", arity = "0..*", description = "Script files or jshell options.")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path imports = Files.createTempFile("tokbench-imports", ".jsh");
    try {
      StringBuilder startup = new StringBuilder();
      for (String imp : Evaluator.DEFAULT_IMPORTS) {
        if (!imp.startsWith("dev.tokbench.") || packageExists(imp)) {
          startup.append("import ").append(imp).append(";\n");
        }
      }
      Files.writeString(imports, startup);
      List<String> options = new ArrayList<>(List.of("--class-path", classPath()));
      // Tablesaw's SLF4J would warn that it has no provider on every start
      options.add("-R-Dslf4j.internal.verbosity=ERROR");
      options.addAll(List.of("--startup", "DEFAULT", "--startup", imports.toString()));
      options.addAll(args);
      return JavaShellToolBuilder.builder().start(options.toArray(String[]::new));
    } finally {
      Files.deleteIfExists(imports);
    }
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
}
