package dev.tokbench.memory;

import dev.tokbench.BadInputException;

/** A llama.cpp log with a memory line that cannot be read; the message names the file and line. */
public class MemoryLogException extends BadInputException {
  private final String file;
  private final int line;

  public MemoryLogException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  /** 1-based. */
  public int line() {
    return line;
  }
}
