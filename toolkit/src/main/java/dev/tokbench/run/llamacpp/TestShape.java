package dev.tokbench.run.llamacpp;

/**
 * One of llama-bench's tests within a combination: which list it came from and its lengths.
 *
 * @param kind {@code -p}, {@code -n} or {@code -pg}
 * @param nPrompt prompt tokens
 * @param nGen generated tokens
 */
record TestShape(Kind kind, int nPrompt, int nGen) {
  /** The flag a test came from, which fixes its place among the others. */
  enum Kind {
    PROMPT,
    GENERATION,
    BOTH
  }
}
