package dev.tokbench.run.llamacpp;

import dev.tokbench.Described;
import dev.tokbench.Records;
import java.nio.file.Path;

/**
 * Which llama.cpp runs a llama-bench test matrix, as {@code tokbench run llama-bench}, a sweep
 * file's {@code framework: llama-bench} and {@link LlamaBench#of} all choose it: the {@code binary}
 * named, else {@code $LLAMA_BENCH}, else {@code llama-bench} on the {@code PATH}, else the embedded
 * llama.cpp; {@code embedded} forces the last.
 *
 * @param binary the llama-bench to run; null to look for one
 * @param embedded true to run the embedded llama.cpp even when a llama-bench is configured
 * @param continueAfterFailure after a test crashes (or runs out of memory, or hangs), run the tests
 *     after it in a new llama-bench, so one failing configuration costs one failed row
 */
public record LlamaBenchOptions(
    @Described(
            value = "The llama-bench to run.",
            label = "FILE",
            unset = "$LLAMA_BENCH, else llama-bench on the PATH")
        Path binary,
    @Described("Use the embedded llama.cpp even when a llama-bench is configured.")
        boolean embedded,
    @Described(
            "After a test crashes, runs out of memory or hangs, run the tests after it in a new"
                + " llama-bench, so that one failing configuration costs one failed row.")
        boolean continueAfterFailure) {
  /**
   * No binary named, not forced: the configured llama-bench, else the embedded llama.cpp; a crash
   * ends the run, as llama-bench alone would.
   */
  public static final LlamaBenchOptions DEFAULTS = new LlamaBenchOptions(null, false, false);

  public LlamaBenchOptions {
    if (binary != null && embedded) {
      throw new IllegalArgumentException(
          "a llama-bench binary (" + binary + ") and the embedded llama.cpp exclude each other");
    }
  }

  /** A copy with one component changed: {@code o.with(LlamaBenchOptions::embedded, true)}. */
  public <T> LlamaBenchOptions with(Records.Component<LlamaBenchOptions, T> component, T value) {
    return Records.with(this, component, value);
  }
}
