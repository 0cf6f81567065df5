package dev.tokbench.results;

/** A results file that cannot be read, with the file and line where it went wrong. */
public class ResultsFormatException extends dev.tokbench.BadInputException {
  private final String file;
  private final long line;

  public ResultsFormatException(String file, long line, String message) {
    super(file + ":" + line + ": " + message);
    this.file = file;
    this.line = line;
  }

  public ResultsFormatException(String file, long line, String message, Throwable cause) {
    super(file + ":" + line + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  /** The file (or stream name) being read. */
  public String file() {
    return file;
  }

  /** The 1-based line number of the record at fault. */
  public long line() {
    return line;
  }
}
