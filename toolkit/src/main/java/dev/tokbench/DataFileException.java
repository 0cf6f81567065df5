package dev.tokbench;

/**
 * A tidy data file (CSV under {@code data/}) that cannot be used, with the file and 1-based line
 * where it went wrong; line 1 is the header.
 */
public class DataFileException extends BadLineException {
  public DataFileException(String file, long line, String message) {
    super(file, line, message, null);
  }

  /** The file (or stream name) being read; line 1 is its header. */
  public String file() {
    return source();
  }
}
