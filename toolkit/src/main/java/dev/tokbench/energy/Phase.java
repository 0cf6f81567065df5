package dev.tokbench.energy;

/** What a stretch of a benchmark did: process a prompt, generate tokens, or both in one test. */
public enum Phase {
  /** Prompt processing (llama-bench's {@code pp}). */
  PROMPT("pp"),
  /** Token generation ({@code tg}). */
  GENERATION("tg"),
  /** A {@code pg} test, where the two are not told apart. */
  PROMPT_AND_GENERATION("pg");

  private final String code;

  Phase(String code) {
    this.code = code;
  }

  /** llama-bench's short name: {@code pp}, {@code tg}, {@code pg}. */
  public String code() {
    return code;
  }

  /** The phase of a llama-bench test of {@code nPrompt} and {@code nGen} tokens. */
  public static Phase of(int nPrompt, int nGen) {
    if (nPrompt > 0 && nGen > 0) return PROMPT_AND_GENERATION;
    return nGen > 0 ? GENERATION : PROMPT;
  }
}
