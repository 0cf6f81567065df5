package dev.tokbench.results;

/**
 * llama.cpp's flash-attention setting. llama-bench printed a boolean before May 2026 and prints
 * -1/0/1 (auto/off/on) since; {@link #parse} accepts both.
 */
public enum FlashAttention {
  OFF("off"),
  ON("on"),
  AUTO("auto"),
  /** The framework has no such switch (tinygrad, vLLM …). */
  NA("");

  private final String label; // a constant: a fleet's tables ask for it millions of times

  FlashAttention(String label) {
    this.label = label;
  }

  /** The spelling in CSV files: {@code off}, {@code on}, {@code auto} or empty. */
  public String label() {
    return label;
  }

  /** Accepts off/on/auto, 0/1/-1, false/true and the empty string (not applicable). */
  public static FlashAttention parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "off", "0", "false" -> OFF;
      case "on", "1", "true" -> ON;
      case "auto", "-1" -> AUTO;
      case "", "na", "n/a", "-" -> NA;
      default ->
          throw new IllegalArgumentException(
              "unknown flash-attention value '"
                  + text
                  + "', expected off, on, auto, 0, 1, -1 or empty");
    };
  }
}
