package dev.tokbench.formats.llamabench;

import dev.tokbench.BadInputException;

/** llama-bench output that cannot be read, with the source and 1-based line where it went wrong. */
public class LlamaBenchFormatException extends BadInputException {
  private final String source;
  private final long line;

  public LlamaBenchFormatException(String source, long line, String message) {
    this(source, line, message, null);
  }

  public LlamaBenchFormatException(String source, long line, String message, Throwable cause) {
    super(source + ":" + line + ": " + message, cause);
    this.source = source;
    this.line = line;
  }

  /** The file or stream being read. */
  public String source() {
    return source;
  }

  /** The 1-based line at fault. */
  public long line() {
    return line;
  }
}
