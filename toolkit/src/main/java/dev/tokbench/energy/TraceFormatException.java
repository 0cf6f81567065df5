package dev.tokbench.energy;

import dev.tokbench.BadInputException;
import java.nio.file.Path;

/** A power trace that cannot be read: says which file, which line and what was expected. */
public class TraceFormatException extends BadInputException {
  private final String file;
  private final long line;

  public TraceFormatException(String file, long line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  public TraceFormatException(Path file, long line, String message) {
    this(file.toString(), line, message);
  }

  /** The file (or stream) name. */
  public String file() {
    return file;
  }

  /** The 1-based line, 0 when the problem is the file as a whole. */
  public long line() {
    return line;
  }
}
