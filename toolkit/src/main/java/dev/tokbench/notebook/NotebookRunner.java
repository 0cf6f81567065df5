package dev.tokbench.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Executes a notebook's code cells in order in one fresh {@link Evaluator}, as {@code jupyter
 * nbconvert --execute} would with our kernel, and records their outputs and execution counts.
 * {@code NotebookRunner.run(path, NotebookRunner.Options.defaults())}. The first failing cell stops
 * the notebook; its error is recorded in the cell and in the {@link Result}.
 */
public final class NotebookRunner {
  private NotebookRunner() {}

  /**
   * How to run.
   *
   * @param parameters values for the notebook's {@code parameters} cell, in order
   * @param cellTimeout the longest a cell may run; null for no limit
   */
  public record Options(Map<String, String> parameters, Duration cellTimeout) {
    public Options {
      parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
      if (cellTimeout != null && (cellTimeout.isNegative() || cellTimeout.isZero())) {
        throw new IllegalArgumentException("cell timeout must be positive, got " + cellTimeout);
      }
    }

    public static Options defaults() {
      return new Options(Map.of(), Duration.ofMinutes(10));
    }

    public Options withParameter(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(parameters);
      copy.put(name, value);
      return new Options(copy, cellTimeout);
    }

    public Options withCellTimeout(Duration timeout) {
      return new Options(parameters, timeout);
    }
  }

  /**
   * A failed cell.
   *
   * @param cellIndex the cell's index in the notebook (0-based, all cells counted)
   * @param error what went wrong
   */
  public record Failure(int cellIndex, CellError error) {
    public Failure {
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * A run's outcome: the notebook with its new outputs (not yet written) and the failure if any.
   *
   * @param notebook the executed notebook
   * @param cellsRun code cells executed
   * @param failure the failing cell; empty when every cell succeeded
   */
  public record Result(NotebookFile notebook, int cellsRun, Optional<Failure> failure) {
    public boolean ok() {
      return failure.isEmpty();
    }

    @Override
    public String toString() {
      return notebook.path()
          + ": "
          + failure
              .map(f -> "cell " + f.cellIndex() + " failed: " + f.error())
              .orElse(cellsRun + " code cells ok");
    }
  }

  /** Reads and executes a notebook; write the result with {@code result.notebook().write(to)}. */
  public static Result run(Path path, Options options) {
    return run(path, options, ev -> {});
  }

  /**
   * As {@link #run(Path, Options)}, with {@code setup} applied to the evaluator before the first
   * cell (the command line registers the kernel's magics there, so notebooks run alike in both).
   */
  public static Result run(Path path, Options options, Consumer<Evaluator> setup) {
    NotebookFile nb = NotebookFile.read(path);
    Parameters.inject(nb, options.parameters());
    Path dir = path.toAbsolutePath().getParent();
    try (Evaluator ev = Evaluator.in(dir)) {
      setup.accept(ev);
      return execute(nb, ev, options.cellTimeout());
    }
  }

  private static Result execute(NotebookFile nb, Evaluator ev, Duration timeout) {
    int count = 0;
    Failure failure = null;
    for (int index : nb.codeCells()) {
      ObjectNode cell = (ObjectNode) nb.cells().get(index);
      String source = nb.source(index);
      if (failure != null || source.isBlank()) {
        cell.putNull("execution_count");
        cell.putArray("outputs");
        continue;
      }
      int executionCount = ++count;
      OutputCollector outputs = new OutputCollector();
      CellResult result = ev.eval(source, outputs, timeout);
      result.value().ifPresent(v -> outputs.result(v, executionCount));
      if (result.error().isPresent()) {
        outputs.error(result.error().get());
        failure = new Failure(index, result.error().get());
      }
      cell.put("execution_count", executionCount);
      cell.set("outputs", outputs.toJson());
    }
    return new Result(nb, count, Optional.ofNullable(failure));
  }
}
