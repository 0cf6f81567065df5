package dev.tokbench.formats.tinygrad;

import dev.tokbench.BadInputException;

/**
 * Output of {@code scripts/tinygrad_bench.py} that cannot be read, with the source and the 1-based
 * line where it went wrong, and the key when one field was at fault.
 */
// house's branch adds one base for "source:line: message" errors (BadLineException); this extends
// it once that is merged, instead of repeating its fields here
public class TinygradBenchException extends BadInputException {
  private final String source;
  private final long line;

  public TinygradBenchException(String source, long line, String message) {
    this(source, line, message, null);
  }

  public TinygradBenchException(String source, long line, String message, Throwable cause) {
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
