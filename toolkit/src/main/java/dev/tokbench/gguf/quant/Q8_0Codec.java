package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.GgmlType;

/** {@code block_q8_0}: {@code ggml_half d; int8_t qs[32];} with {@code x = d * q}. */
final class Q8_0Codec implements BlockCodec {
  private static final int QK = 32;
  private static final int BYTES = 34;

  @Override
  public GgmlType type() {
    return GgmlType.Q8_0;
  }

  /** {@code quantize_row_q8_0_ref}: {@code d = amax / 127}, {@code q = roundf(x / d)}. */
  @Override
  public void quantize(float[] src, int srcOff, byte[] dst, int dstOff, int blocks) {
    for (int b = 0; b < blocks; b++) {
      int x = srcOff + b * QK;
      int y = dstOff + b * BYTES;
      float amax = 0.0f;
      for (int j = 0; j < QK; j++) amax = Math.max(amax, Math.abs(src[x + j]));
      float d = amax / ((1 << 7) - 1);
      float id = d != 0 ? 1.0f / d : 0.0f;
      Half.writeLe(dst, y, d);
      for (int j = 0; j < QK; j++) dst[y + 2 + j] = (byte) roundf(src[x + j] * id);
    }
  }

  @Override
  public void dequantize(byte[] src, int srcOff, float[] dst, int dstOff, int blocks) {
    for (int b = 0; b < blocks; b++) {
      int y = srcOff + b * BYTES;
      float d = Half.readLe(src, y);
      for (int j = 0; j < QK; j++) dst[dstOff + b * QK + j] = src[y + 2 + j] * d;
    }
  }

  /** C's {@code roundf}: halves away from zero (Java's {@code Math.round} rounds them up). */
  static int roundf(float v) {
    double a = Math.floor(Math.abs((double) v) + 0.5);
    return (int) (v < 0 ? -a : a);
  }
}
