package dev.tokbench.kernel.maven;

import dev.tokbench.BadInputException;

/** A {@code %maven} argument is not a {@code group:artifact:version} coordinate. */
public final class BadCoordinateException extends BadInputException {
  public BadCoordinateException(String message) {
    super(message);
  }
}
