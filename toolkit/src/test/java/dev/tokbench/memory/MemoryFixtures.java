package dev.tokbench.memory;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real llama.cpp logs under test resources (copied from the project's shared fixtures). */
final class MemoryFixtures {
  /** llama-completion -v on an H200: 1B and Qwen3-1.7B Q4_K_M, 3 contexts, f16 and q8_0 caches. */
  static final String H200_BREAKDOWN = "h200-memory-breakdown.txt";

  /**
   * {@code scripts/gpu/memory-matrix.sh} on an H200 (2026-12-01), gzipped and otherwise exact: 27
   * llama-completion runs (partial offload, q4_0 caches, 3B and 8B, four sequences, flash attention
   * off) and two llama-fit-params runs.
   */
  static final String H200_MATRIX = "h200-memory-matrix.log.gz";

  /** The start of a llama-server log (8B Q4_K_M, --parallel 32) on the same H200. */
  static final String H200_SERVER = "h200-server-log-head.txt";

  private MemoryFixtures() {}

  static Path file(String name) {
    try {
      return Path.of(MemoryFixtures.class.getResource("/memory/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource memory/" + name, e);
    }
  }

  static Path gguf(String name) {
    try {
      return Path.of(MemoryFixtures.class.getResource("/gguf/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
