package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.GgmlType;

/**
 * {@code block_q5_0} ({@code ggml_half d; uint8_t qh[4]; uint8_t qs[16];}, {@code x = d * (q -
 * 16)}) and {@code block_q5_1} ({@code ggml_half d, m; uint8_t qh[4]; uint8_t qs[16];}, {@code x =
 * d * q + m}): the low nibbles as in Q4_0, the fifth bit of element {@code j} in bit {@code j} of
 * the little-endian {@code qh}. llama-quantize falls back to these when a row fits no K block.
 */
final class Q5Codec implements BlockCodec {
  private static final int QK = 32;

  private final boolean withMin;
  private final int qh;

  Q5Codec(boolean withMin) {
    this.withMin = withMin;
    this.qh = withMin ? 4 : 2;
  }

  @Override
  public GgmlType type() {
    return withMin ? GgmlType.Q5_1 : GgmlType.Q5_0;
  }

  @Override
  public void quantize(float[] src, int srcOff, byte[] dst, int dstOff, int blocks) {
    int[] q = new int[QK];
    for (int b = 0; b < blocks; b++) {
      int x = srcOff + b * QK;
      int y = dstOff + b * type().typeSize();
      if (withMin) levelsWithMin(src, x, dst, y, q);
      else levelsSymmetric(src, x, dst, y, q);
      pack(q, dst, y);
    }
  }

  /**
   * {@code quantize_row_q5_0_ref}: {@code d = max / -16}, {@code q = MIN(31, (int8_t)(x/d +
   * 16.5f))}.
   */
  private static void levelsSymmetric(float[] src, int x, byte[] dst, int y, int[] q) {
    float d = Q4_0Codec.signedAbsMax(src, x, QK) / -16;
    float id = d != 0 ? 1.0f / d : 0.0f;
    Half.writeLe(dst, y, d);
    for (int j = 0; j < QK; j++) q[j] = Math.min(31, (byte) (int) (src[x + j] * id + 16.5f));
  }

  /**
   * {@code quantize_row_q5_1_ref}: {@code d = (max - min) / 31}, {@code q = (uint8_t)((x - min)/d +
   * 0.5f)}.
   */
  private static void levelsWithMin(float[] src, int x, byte[] dst, int y, int[] q) {
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (int j = 0; j < QK; j++) {
      min = Math.min(min, src[x + j]);
      max = Math.max(max, src[x + j]);
    }
    float d = (max - min) / ((1 << 5) - 1);
    float id = d != 0 ? 1.0f / d : 0.0f;
    Half.writeLe(dst, y, d);
    Half.writeLe(dst, y + 2, min);
    for (int j = 0; j < QK; j++) q[j] = ((int) ((src[x + j] - min) * id + 0.5f)) & 0xff;
  }

  private void pack(int[] q, byte[] dst, int y) {
    int high = 0;
    for (int j = 0; j < QK / 2; ++j) {
      int x0 = q[j];
      int x1 = q[j + QK / 2];
      dst[y + qh + 4 + j] = (byte) ((x0 & 0x0F) | ((x1 & 0x0F) << 4));
      high |= ((x0 & 0x10) >>> 4) << j;
      high |= ((x1 & 0x10) >>> 4) << (j + QK / 2);
    }
    for (int k = 0; k < 4; k++) dst[y + qh + k] = (byte) (high >>> (8 * k));
  }

  @Override
  public void dequantize(byte[] src, int srcOff, float[] dst, int dstOff, int blocks) {
    for (int b = 0; b < blocks; b++) {
      int y = srcOff + b * type().typeSize();
      float d = Half.readLe(src, y);
      float m = withMin ? Half.readLe(src, y + 2) : 0;
      int high = 0;
      for (int k = 0; k < 4; k++) high |= (src[y + qh + k] & 0xff) << (8 * k);
      for (int j = 0; j < QK / 2; ++j) {
        int qs = src[y + qh + 4 + j] & 0xff;
        int x0 = (qs & 0x0F) | (((high >>> j) << 4) & 0x10);
        int x1 = (qs >>> 4) | ((high >>> (j + 12)) & 0x10);
        int out = dstOff + b * QK;
        dst[out + j] = withMin ? x0 * d + m : (x0 - 16) * d;
        dst[out + j + QK / 2] = withMin ? x1 * d + m : (x1 - 16) * d;
      }
    }
  }
}
