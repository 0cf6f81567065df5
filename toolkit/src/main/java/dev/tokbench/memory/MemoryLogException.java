package dev.tokbench.memory;

import dev.tokbench.BadLineException;

/**
 * A llama.cpp log with a memory line that cannot be read: {@code file:line: what}, with both kept
 * ({@link #source()}, {@link #line()}) as for any bad line of a text file.
 */
public class MemoryLogException extends BadLineException {
  public MemoryLogException(String file, int line, String message) {
    super(file, line, message, null);
  }

  /** The log's name as given to the reader (a path, or a stream's name). */
  public String file() {
    return source();
  }
}
