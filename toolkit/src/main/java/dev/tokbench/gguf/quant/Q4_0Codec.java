package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.GgmlType;

/**
 * {@code block_q4_0}: {@code ggml_half d; uint8_t qs[16];}, element {@code j} in the low nibble of
 * {@code qs[j]} and element {@code j + 16} in its high nibble, {@code x = d * (q - 8)}.
 */
final class Q4_0Codec implements BlockCodec {
  private static final int QK = 32;
  private static final int BYTES = 18;

  @Override
  public GgmlType type() {
    return GgmlType.Q4_0;
  }

  /** {@code quantize_row_q4_0_ref}: {@code d = max / -8} where max has the largest magnitude. */
  @Override
  public void quantize(float[] src, int srcOff, byte[] dst, int dstOff, int blocks) {
    for (int b = 0; b < blocks; b++) {
      int x = srcOff + b * QK;
      int y = dstOff + b * BYTES;
      float d = signedAbsMax(src, x, QK) / -8;
      float id = d != 0 ? 1.0f / d : 0.0f;
      Half.writeLe(dst, y, d);
      for (int j = 0; j < QK / 2; ++j) {
        // (int8_t)(x0 + 8.5f): truncation toward zero, then MIN(15, ...)
        int xi0 = Math.min(15, (byte) (int) (src[x + j] * id + 8.5f));
        int xi1 = Math.min(15, (byte) (int) (src[x + QK / 2 + j] * id + 8.5f));
        dst[y + 2 + j] = (byte) (xi0 | (xi1 << 4));
      }
    }
  }

  /**
   * The first of {@code n} values with the largest magnitude, sign kept: the symmetric formats
   * (Q4_0, Q5_0) map it to the most negative level, so it is represented exactly.
   */
  static float signedAbsMax(float[] src, int x, int n) {
    float amax = 0.0f;
    float max = 0.0f;
    for (int j = 0; j < n; j++) {
      float v = src[x + j];
      if (amax < Math.abs(v)) {
        amax = Math.abs(v);
        max = v;
      }
    }
    return max;
  }

  @Override
  public void dequantize(byte[] src, int srcOff, float[] dst, int dstOff, int blocks) {
    for (int b = 0; b < blocks; b++) {
      int y = srcOff + b * BYTES;
      int out = dstOff + b * QK;
      float d = Half.readLe(src, y);
      for (int j = 0; j < QK / 2; ++j) {
        int q = src[y + 2 + j] & 0xff;
        dst[out + j] = ((q & 0x0F) - 8) * d;
        dst[out + j + QK / 2] = ((q >>> 4) - 8) * d;
      }
    }
  }
}
