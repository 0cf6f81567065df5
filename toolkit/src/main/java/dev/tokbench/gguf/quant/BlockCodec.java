package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.GgmlType;

/**
 * Converts whole blocks of one {@link GgmlType} between floats and ggml's little-endian block bytes
 * ({@code block_q4_K} and friends in ggml-common.h). Implementations hold no state, so one instance
 * serves every thread.
 */
interface BlockCodec {
  GgmlType type();

  /** Quantizes {@code blocks} blocks from {@code src[srcOff..]} into {@code dst[dstOff..]}. */
  void quantize(float[] src, int srcOff, byte[] dst, int dstOff, int blocks);

  /** Dequantizes {@code blocks} blocks from {@code src[srcOff..]} into {@code dst[dstOff..]}. */
  void dequantize(byte[] src, int srcOff, float[] dst, int dstOff, int blocks);
}
