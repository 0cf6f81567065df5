package dev.tokbench.gguf.quant;

import dev.tokbench.BadInputException;
import dev.tokbench.gguf.GgmlType;

/** A tensor type that tokbench cannot quantize or dequantize; the message lists those it can. */
public class UnsupportedTypeException extends BadInputException {
  public UnsupportedTypeException(GgmlType type) {
    super("tokbench cannot convert " + type + " tensors; supported: " + Quantizer.supported());
  }
}
