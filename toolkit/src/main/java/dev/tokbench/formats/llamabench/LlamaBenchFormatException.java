package dev.tokbench.formats.llamabench;

import dev.tokbench.BadLineException;

/** llama-bench output that cannot be read, with the source and 1-based line where it went wrong. */
public class LlamaBenchFormatException extends BadLineException {
  public LlamaBenchFormatException(String source, long line, String message) {
    super(source, line, message, null);
  }

  public LlamaBenchFormatException(String source, long line, String message, Throwable cause) {
    super(source, line, message, cause);
  }
}
