/**
 * ggml's block quantizers (Q8_0, Q4_0, Q5_0/1, Q4_K, Q5_K, Q6_K) and the f16 conversions, ported
 * from ggml-quants.c and byte-exact with its reference functions.
 */
package dev.tokbench.gguf.quant;
