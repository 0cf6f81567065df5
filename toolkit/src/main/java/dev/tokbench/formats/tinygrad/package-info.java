/**
 * tinygrad's {@code examples/llama3.py --benchmark} output: per-token timing lines, the warm-up
 * rule that drops JIT tokens, and the one row a run gives.
 */
package dev.tokbench.formats.tinygrad;
