package dev.tokbench.bandwidth;

import java.util.Locale;

/** How llama.cpp spreads a model over several GPUs ({@code -sm}). */
public enum SplitMode {
  /** One GPU, the main one ({@code -mg}), holds the whole model. */
  NONE,
  /** Whole layers per GPU, in proportion to {@code -ts}; the GPUs work one after the other. */
  LAYER,
  /** Each weight matrix split by rows over the GPUs, which work at once. */
  ROW,
  /**
   * Weights and KV cache split over the GPUs, which work at once (llama.cpp since 2026,
   * experimental).
   */
  TENSOR;

  /** {@code none}, {@code layer}, {@code row} or {@code tensor}, as llama-bench prints them. */
  public static SplitMode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "split mode is none, layer, row or tensor, got '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
