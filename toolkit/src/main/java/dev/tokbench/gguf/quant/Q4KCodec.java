package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.GgmlType;

/**
 * {@code block_q4_K} (144 bytes): {@code d, dmin, scales[12], qs[128]}; each 64 values share 32
 * bytes, the first 32 in the low nibbles and the next 32 in the high nibbles.
 */
final class Q4KCodec extends ScaleMinKCodec {
  private static final int QS = 16;

  Q4KCodec() {
    // make_qkx2_quants(32, 15, ..., -1.f, 0.1f, 20, false)
    super(15, -1.f, 0.1f, 20);
  }

  @Override
  public GgmlType type() {
    return GgmlType.Q4_K;
  }

  @Override
  int blockBytes() {
    return 144;
  }

  @Override
  void packLevels(byte[] l, byte[] dst, int y) {
    for (int j = 0; j < QK_K; j += 64) {
      for (int i = 0; i < 32; ++i)
        dst[y + QS + j / 2 + i] = (byte) (l[j + i] | (l[j + i + 32] << 4));
    }
  }

  @Override
  int level(byte[] src, int y, int i) {
    int q = src[y + QS + (i / 64) * 32 + i % 32] & 0xff;
    return (i % 64) < 32 ? q & 0xF : q >> 4;
  }
}
