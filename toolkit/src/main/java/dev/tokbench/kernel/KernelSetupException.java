package dev.tokbench.kernel;

import dev.tokbench.BadInputException;

/** A kernel cannot start or be installed because of something the user can fix. */
public class KernelSetupException extends BadInputException {
  public KernelSetupException(String message) {
    super(message);
  }
}
