/**
 * tinygrad's outputs: {@code examples/llama3.py --benchmark} (per-token timing lines, the warm-up
 * rule that drops JIT tokens, the one row a run gives) and the JSON lines of tokbench's harness
 * {@code scripts/tinygrad_bench.py} (prompt processing and decode timed separately, as {@code
 * pp}/{@code tg} rows comparable with llama-bench's).
 */
package dev.tokbench.formats.tinygrad;
