package dev.tokbench.synth;

import dev.tokbench.BadInputException;
import java.util.List;

/** A shape name that is not in the catalogue; the message lists those that are. */
public class UnknownShapeException extends BadInputException {
  public UnknownShapeException(String name, List<String> known) {
    super("unknown shape '" + name + "'; known: " + String.join(", ", known));
  }
}
