/**
 * Benchmarks of the toolkit (speed, not behaviour), run by {@code scripts/bench-*}: GGUF parsing
 * with JMH; the launcher's and the notebook runner's overhead as interleaved comparisons of whole
 * runs, which JMH's one-method-at-a-time iterations do not express.
 */
package dev.tokbench.benchmarks;
