package dev.tokbench.notebook;

import java.util.List;
import java.util.Objects;

/**
 * Why a cell failed, shaped like a Jupyter {@code error} output.
 *
 * @param kind what kind of failure
 * @param name the exception's class name, or e.g. {@code CompilationError}
 * @param message one line that says what went wrong, with the cell line and column where known
 * @param traceback the lines to show, first the summary then the frames
 */
public record CellError(Kind kind, String name, String message, List<String> traceback) {
  /** The kinds of failure a cell can have. */
  public enum Kind {
    COMPILATION,
    EXCEPTION,
    STOPPED,
    TIMEOUT,
    MAGIC,
    INCOMPLETE
  }

  public CellError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    message = Objects.requireNonNullElse(message, "");
    traceback = List.copyOf(traceback);
  }

  static CellError of(Kind kind, String name, String message) {
    return new CellError(kind, name, message, List.of(name + ": " + message));
  }

  @Override
  public String toString() {
    return name + ": " + message;
  }
}
