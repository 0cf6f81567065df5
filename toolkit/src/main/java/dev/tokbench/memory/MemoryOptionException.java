package dev.tokbench.memory;

import dev.tokbench.BadInputException;

/** A memory estimate option out of range; the message names the option and the valid values. */
public class MemoryOptionException extends BadInputException {
  public MemoryOptionException(String message) {
    super(message);
  }
}
