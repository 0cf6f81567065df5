package dev.tokbench.notebook;

import dev.tokbench.BadInputException;

/** A line magic was unknown or its arguments were wrong (a missing jar, a bad path). */
public final class MagicException extends BadInputException {
  public MagicException(String message) {
    super(message);
  }
}
