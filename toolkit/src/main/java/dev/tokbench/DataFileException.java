package dev.tokbench;

/**
 * A data file or a saved tool output that cannot be used, with the file (or stream) and the 1-based
 * line where it went wrong: a tidy CSV under {@code data/} (line 1 is its header), the harness's
 * JSON lines.
 */
public class DataFileException extends BadInputException {
  private final String file;
  private final long line;

  public DataFileException(String file, long line, String message) {
    this(file, line, message, null);
  }

  public DataFileException(String file, long line, String message, Throwable cause) {
    super(file + ":" + line + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  /** The file (or stream name) being read. */
  public String file() {
    return file;
  }

  /** The 1-based line of the record at fault (1 is the header). */
  public long line() {
    return line;
  }
}
