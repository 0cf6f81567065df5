package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.gguf.GgufFile;
import dev.tokbench.gguf.TensorInfo;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The llama-quantize fixtures under test resources, and their tensors as floats. */
final class QuantFixtures {
  private QuantFixtures() {}

  static Path path(String name) {
    try {
      return Path.of(QuantFixtures.class.getResource("/gguf/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tensor's values, decoded with our dequantizer. */
  static float[] floats(GgufFile file, TensorInfo t) {
    return Quantizer.of(t.type()).dequantize(file.tensorData(t), Math.toIntExact(t.elements()));
  }

  /** The same-named tensor of the F16 source file, as floats. */
  static float[] source(GgufFile f16, String name) {
    TensorInfo t = f16.tensor(name).orElseThrow();
    if (t.type() != GgmlType.F16) throw new IllegalStateException(name + " is " + t.type());
    return floats(f16, t);
  }
}
