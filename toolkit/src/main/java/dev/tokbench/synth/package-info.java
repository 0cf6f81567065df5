/**
 * Synthetic GGUF models of real architectures with the tensor types llama-quantize would choose,
 * for benchmarking decode speed without the real weights.
 */
package dev.tokbench.synth;
