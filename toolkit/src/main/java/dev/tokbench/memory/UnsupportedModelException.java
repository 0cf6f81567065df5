package dev.tokbench.memory;

import dev.tokbench.BadInputException;

/**
 * A model whose memory llama.cpp would lay out in a way not modelled here (the message says why).
 */
public class UnsupportedModelException extends BadInputException {
  public UnsupportedModelException(String message) {
    super(message);
  }
}
