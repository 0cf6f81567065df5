package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.GgmlType;

/**
 * {@code block_q5_K} (176 bytes): {@code d, dmin, scales[12], qh[32], qs[128]}; the low four bits
 * as in Q4_K, the fifth bit of value {@code 64n + j} in bit {@code 2n} of {@code qh[j]} and of
 * value {@code 64n + 32 + j} in bit {@code 2n + 1}.
 */
final class Q5KCodec extends ScaleMinKCodec {
  private static final int QH = 16;
  private static final int QS = 48;

  Q5KCodec() {
    // make_qkx2_quants(32, 31, ..., -0.5f, 0.1f, 15, false)
    super(31, -0.5f, 0.1f, 15);
  }

  @Override
  public GgmlType type() {
    return GgmlType.Q5_K;
  }

  @Override
  int blockBytes() {
    return 176;
  }

  @Override
  void packLevels(byte[] l, byte[] dst, int y) {
    for (int j = 0; j < 32; j++) dst[y + QH + j] = 0;
    int m1 = 1;
    int m2 = 2;
    for (int n = 0; n < QK_K; n += 64) {
      for (int j = 0; j < 32; ++j) {
        int l1 = l[n + j];
        if (l1 > 15) {
          l1 -= 16;
          dst[y + QH + j] |= (byte) m1;
        }
        int l2 = l[n + j + 32];
        if (l2 > 15) {
          l2 -= 16;
          dst[y + QH + j] |= (byte) m2;
        }
        dst[y + QS + n / 2 + j] = (byte) (l1 | (l2 << 4));
      }
      m1 <<= 2;
      m2 <<= 2;
    }
  }

  @Override
  int level(byte[] src, int y, int i) {
    int n = i / 64;
    int j = i % 32;
    boolean high = (i % 64) >= 32;
    int q = src[y + QS + n * 32 + j] & 0xff;
    int low = high ? q >> 4 : q & 0xF;
    int bit = (src[y + QH + j] >> (2 * n + (high ? 1 : 0))) & 1;
    return low | (bit << 4);
  }
}
