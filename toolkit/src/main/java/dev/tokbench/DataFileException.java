package dev.tokbench;

/**
 * A tidy data file (CSV under {@code data/}) that cannot be used, with the file and 1-based line
 * where it went wrong; line 1 is the header.
 */
public class DataFileException extends BadInputException {
  private final String file;
  private final long line;

  public DataFileException(String file, long line, String message) {
    super(file + ":" + line + ": " + message);
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
