/**
 * llama.cpp's {@code llama-bench} launched with {@code -o jsonl}, or the embedded llama.cpp when no
 * binary is configured: {@link dev.tokbench.run.llamacpp.LlamaBench#auto()}.
 */
package dev.tokbench.run.llamacpp;
