package dev.tokbench.device;

import dev.tokbench.BadInputException;

/** A device name that is not in the catalogue; the message lists close names. */
public class UnknownDeviceException extends BadInputException {
  public UnknownDeviceException(String message) {
    super(message);
  }
}
