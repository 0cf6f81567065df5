package dev.tokbench.results;

import dev.tokbench.BadLineException;

/** A results file that cannot be read, with the file and line where it went wrong. */
public class ResultsFormatException extends BadLineException {
  public ResultsFormatException(String file, long line, String message) {
    super(file, line, message, null);
  }

  public ResultsFormatException(String file, long line, String message, Throwable cause) {
    super(file, line, message, cause);
  }

  /** The file (or stream name) being read. */
  public String file() {
    return source();
  }
}
