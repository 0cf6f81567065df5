package dev.tokbench.synth;

import dev.tokbench.BadInputException;

/** A model shape that cannot exist: zero layers, heads that do not divide the embedding, … */
public class ImpossibleShapeException extends BadInputException {
  public ImpossibleShapeException(String shape, String problem) {
    super("shape " + shape + ": " + problem);
  }
}
