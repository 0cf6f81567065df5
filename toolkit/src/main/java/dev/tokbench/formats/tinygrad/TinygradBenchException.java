package dev.tokbench.formats.tinygrad;

import dev.tokbench.DataFileException;

/**
 * Output of {@code scripts/tinygrad_bench.py} that cannot be read, with the source and the 1-based
 * line where it went wrong, and the key when one field was at fault.
 */
public class TinygradBenchException extends DataFileException {
  public TinygradBenchException(String source, long line, String message) {
    super(source, line, message);
  }

  public TinygradBenchException(String source, long line, String message, Throwable cause) {
    super(source, line, message, cause);
  }
}
