package dev.tokbench.cli;

import dev.tokbench.kernel.KernelMagics;
import dev.tokbench.kernel.maven.Maven;
import dev.tokbench.notebook.NotebookRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tokbench notebook run}: executes notebooks headless, as Jupyter would with our kernel. */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description = "Execute Java notebooks (.ipynb) without Jupyter.",
    subcommands = {NotebookCommand.Run.class})
final class NotebookCommand extends GroupCommand {
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Execute every code cell of each notebook in order, in one JShell per notebook, and write"
            + " the notebook with its outputs.",
        "Exits 1 naming the notebook and cell if a cell fails (the notebook is still written, with"
            + " the error in that cell)."
      })
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--in-place", description = "Write each notebook back to its own file.")
    boolean inPlace;

    @Option(names = "--out", paramLabel = "DIR", description = "Write executed notebooks into DIR.")
    Path out;

    @Option(
        names = {"-p", "--parameter"},
        paramLabel = "NAME=VALUE",
        description = "A value for the cell tagged 'parameters' (papermill style); repeatable.")
    List<String> parameters = new ArrayList<>();

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "600",
        description = "Stop a cell that runs longer than this (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Parameters(paramLabel = "NOTEBOOK", arity = "1..*", description = "Notebooks to execute.")
    List<Path> notebooks;

    @Override
    public Integer call() {
      if (inPlace == (out != null)) {
        throw new ParameterException(spec.commandLine(), "say either --in-place or --out DIR");
      }
      if (timeoutSeconds <= 0) {
        throw new ParameterException(spec.commandLine(), "--timeout must be positive");
      }
      NotebookRunner.Options options =
          new NotebookRunner.Options(parsed(), Duration.ofSeconds(timeoutSeconds));
      PrintWriter err = spec.commandLine().getErr();
      int failed = 0;
      try (Maven maven = Maven.fromSettings()) {
        for (Path nb : notebooks) {
          long start = System.nanoTime();
          NotebookRunner.Result result =
              NotebookRunner.run(nb, options, ev -> KernelMagics.registerInto(ev, maven));
          Path target = inPlace ? nb : out.resolve(nb.getFileName());
          result.notebook().write(target);
          long ms = (System.nanoTime() - start) / 1_000_000;
          err.printf("%s (%d ms) -> %s%n", result, ms, target);
          failed += result.ok() ? 0 : 1;
        }
      }
      err.flush();
      return failed == 0 ? 0 : 1;
    }

    private Map<String, String> parsed() {
      Map<String, String> values = new LinkedHashMap<>();
      for (String p : parameters) {
        int eq = p.indexOf('=');
        if (eq <= 0) {
          throw new ParameterException(spec.commandLine(), "-p takes NAME=VALUE, got '" + p + "'");
        }
        values.put(p.substring(0, eq), p.substring(eq + 1));
      }
      return values;
    }
  }
}
