package dev.tokbench.notebook;

import dev.tokbench.BadInputException;

/** A notebook file that is not nbformat 4 JSON, or a parameter the notebook cannot take. */
public final class NotebookFormatException extends BadInputException {
  public NotebookFormatException(String message) {
    super(message);
  }

  public NotebookFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
