package dev.tokbench.synth;

import dev.tokbench.BadInputException;
import dev.tokbench.gguf.FileType;
import java.util.stream.Collectors;

/** A quantization type that synth cannot produce; the message lists those it can. */
public class UnsupportedQuantException extends BadInputException {
  public UnsupportedQuantException(String asked) {
    super(
        "unknown or unsupported quantization type '"
            + asked
            + "'; supported: "
            + TensorTypeRules.SUPPORTED.stream()
                .map(FileType::name)
                .collect(Collectors.joining(", ")));
  }
}
