package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.GgmlType;

/**
 * {@code block_q6_K} (210 bytes): {@code uint8_t ql[128]; uint8_t qh[64]; int8_t scales[16];
 * ggml_half d;}: sixteen 16-value sub-blocks with a signed 8-bit scale each, levels {@code -32..31}
 * stored as 6 bits, found by {@code make_qx_quants} as in {@code quantize_row_q6_K_ref}.
 */
final class Q6KCodec implements BlockCodec {
  private static final int QK_K = 256;
  private static final int BYTES = 210;
  private static final int QH = 128;
  private static final int SC = 192;
  private static final int D = 208;

  @Override
  public GgmlType type() {
    return GgmlType.Q6_K;
  }

  @Override
  public void quantize(float[] src, int srcOff, byte[] dst, int dstOff, int blocks) {
    byte[] l = new byte[QK_K];
    float[] scales = new float[QK_K / 16];
    for (int b = 0; b < blocks; b++) {
      quantizeBlock(src, srcOff + b * QK_K, dst, dstOff + b * BYTES, l, scales);
    }
  }

  private static void quantizeBlock(
      float[] x, int xo, byte[] dst, int y, byte[] l, float[] scales) {
    float maxScale = 0;
    float maxAbsScale = 0;
    for (int ib = 0; ib < QK_K / 16; ++ib) {
      scales[ib] = KQuantSearch.makeQxQuants(16, 32, x, xo + 16 * ib, l, 16 * ib);
      float abs = Math.abs(scales[ib]);
      if (abs > maxAbsScale) {
        maxAbsScale = abs;
        maxScale = scales[ib];
      }
    }
    if (maxAbsScale < 1e-15f) { // GROUP_MAX_EPS: the block is all zero
      java.util.Arrays.fill(dst, y, y + BYTES, (byte) 0);
      return;
    }
    float iscale = -128.f / maxScale;
    Half.writeLe(dst, y + D, 1 / iscale);
    for (int ib = 0; ib < QK_K / 16; ++ib) {
      dst[y + SC + ib] = (byte) Math.min(127, KQuantSearch.nearestInt(iscale * scales[ib]));
    }
    float d0 = Half.readLe(dst, y + D);
    for (int j = 0; j < QK_K / 16; ++j) {
      float d = d0 * dst[y + SC + j];
      if (d == 0) continue;
      for (int ii = 0; ii < 16; ++ii) {
        int q = KQuantSearch.nearestInt(x[xo + 16 * j + ii] / d);
        l[16 * j + ii] = (byte) (Math.max(-32, Math.min(31, q)) + 32);
      }
    }
    pack(l, dst, y);
  }

  private static void pack(byte[] l, byte[] dst, int y) {
    for (int j = 0, ql = y, qh = y + QH; j < QK_K; j += 128, ql += 64, qh += 32) {
      for (int i = 0; i < 32; ++i) {
        int l0 = l[j + i], l1 = l[j + i + 32], l2 = l[j + i + 64], l3 = l[j + i + 96];
        dst[ql + i] = (byte) ((l0 & 0xF) | ((l2 & 0xF) << 4));
        dst[ql + i + 32] = (byte) ((l1 & 0xF) | ((l3 & 0xF) << 4));
        dst[qh + i] = (byte) ((l0 >> 4) | ((l1 >> 4) << 2) | ((l2 >> 4) << 4) | ((l3 >> 4) << 6));
      }
    }
  }

  @Override
  public void dequantize(byte[] src, int srcOff, float[] dst, int dstOff, int blocks) {
    for (int b = 0; b < blocks; b++) {
      int y = srcOff + b * BYTES;
      float d = Half.readLe(src, y + D);
      for (int n = 0; n < 2; n++) {
        int ql = y + 64 * n;
        int qh = y + QH + 32 * n;
        int sc = y + SC + 8 * n;
        int out = dstOff + b * QK_K + 128 * n;
        for (int i = 0; i < 32; ++i) {
          int is = i / 16;
          int lo = src[ql + i] & 0xff, hi = src[ql + i + 32] & 0xff, h = src[qh + i] & 0xff;
          dst[out + i] = d * src[sc + is] * (((lo & 0xF) | ((h & 3) << 4)) - 32);
          dst[out + i + 32] = d * src[sc + is + 2] * (((hi & 0xF) | (((h >> 2) & 3) << 4)) - 32);
          dst[out + i + 64] = d * src[sc + is + 4] * (((lo >> 4) | (((h >> 4) & 3) << 4)) - 32);
          dst[out + i + 96] = d * src[sc + is + 6] * (((hi >> 4) | (((h >> 6) & 3) << 4)) - 32);
        }
      }
    }
  }
}
