package dev.tokbench.energy;

import java.util.Objects;

/**
 * A stretch of time in which a benchmark did one phase's work on a number of tokens: a llama-bench
 * repetition, one tinygrad token.
 *
 * @param phase what it did
 * @param window when, on the sampler's monotonic axis
 * @param tokens how many tokens it processed or generated
 */
public record Segment(Phase phase, Window window, long tokens) {
  public Segment {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(window, "window");
    if (tokens < 0) throw new IllegalArgumentException("tokens cannot be negative: " + tokens);
  }
}
