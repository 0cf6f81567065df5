package dev.tokbench.synth;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A synthetic model written to disk.
 *
 * @param path the GGUF file
 * @param plan its tensors and types
 * @param fileBytes size of the file
 * @param seconds wall time of generation and writing
 */
public record SynthResult(Path path, TensorPlan plan, long fileBytes, double seconds) {
  public SynthResult {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(plan, "plan");
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %s %s, %d tensors, %,d tensor bytes, %,d params, written in %.2f s",
        path,
        plan.shape().name(),
        plan.fileType(),
        plan.tensors().size(),
        plan.tensorBytes(),
        plan.params(),
        seconds);
  }
}
