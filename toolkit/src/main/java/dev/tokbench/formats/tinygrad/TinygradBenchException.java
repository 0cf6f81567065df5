package dev.tokbench.formats.tinygrad;

import dev.tokbench.BadLineException;

/**
 * Output of {@code scripts/tinygrad_bench.py} that cannot be read, with the source and the 1-based
 * line where it went wrong, and the key when one field was at fault.
 */
public class TinygradBenchException extends BadLineException {
  public TinygradBenchException(String source, long line, String message) {
    this(source, line, message, null);
  }

  public TinygradBenchException(String source, long line, String message, Throwable cause) {
    super(source, line, message, cause);
  }
}
