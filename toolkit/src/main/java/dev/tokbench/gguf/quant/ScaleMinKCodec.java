package dev.tokbench.gguf.quant;

/**
 * The common half of Q4_K and Q5_K: a 256-value super-block of eight 32-value sub-blocks, each with
 * a 6-bit scale and a 6-bit minimum ({@code ggml_half d, dmin; uint8_t scales[12];} then the
 * levels), found by {@code make_qkx2_quants} as in {@code quantize_row_q4_K_ref} / {@code
 * quantize_row_q5_K_ref}. Subclasses pack and unpack the levels.
 */
abstract class ScaleMinKCodec implements BlockCodec {
  static final int QK_K = 256;
  private static final int SCALES = 4;
  static final int LEVELS = 16;

  private final int nmax;
  private final float rmin;
  private final float rdelta;
  private final int nstep;

  ScaleMinKCodec(int nmax, float rmin, float rdelta, int nstep) {
    this.nmax = nmax;
    this.rmin = rmin;
    this.rdelta = rdelta;
    this.nstep = nstep;
  }

  abstract int blockBytes();

  /** Writes the 256 levels {@code l[0..255]} (each {@code 0..nmax}) into the block at {@code y}. */
  abstract void packLevels(byte[] l, byte[] dst, int y);

  /** The level of element {@code i} of the block at {@code y}. */
  abstract int level(byte[] src, int y, int i);

  @Override
  public void quantize(float[] src, int srcOff, byte[] dst, int dstOff, int blocks) {
    byte[] l = new byte[QK_K];
    byte[] aux = new byte[32];
    float[] weights = new float[32];
    float[] mins = new float[QK_K / 32];
    float[] scales = new float[QK_K / 32];
    for (int b = 0; b < blocks; b++) {
      quantizeBlock(
          src, srcOff + b * QK_K, dst, dstOff + b * blockBytes(), l, aux, weights, mins, scales);
    }
  }

  private void quantizeBlock(
      float[] x,
      int xo,
      byte[] dst,
      int y,
      byte[] l,
      byte[] aux,
      float[] weights,
      float[] mins,
      float[] scales) {
    float maxScale = 0;
    float maxMin = 0;
    for (int j = 0; j < QK_K / 32; ++j) {
      float sumX2 = 0;
      for (int i = 0; i < 32; ++i) sumX2 += x[xo + 32 * j + i] * x[xo + 32 * j + i];
      float avX = (float) Math.sqrt(sumX2 / 32);
      for (int i = 0; i < 32; ++i) weights[i] = avX + Math.abs(x[xo + 32 * j + i]);
      scales[j] =
          KQuantSearch.makeQkx2Quants(
              32, nmax, x, xo + 32 * j, weights, l, 32 * j, mins, j, aux, rmin, rdelta, nstep);
      if (scales[j] > maxScale) maxScale = scales[j];
      if (mins[j] > maxMin) maxMin = mins[j];
    }
    packScales(scales, mins, maxScale, maxMin, dst, y);
    requantize(x, xo, dst, y, l);
    packLevels(l, dst, y);
  }

  private static void packScales(
      float[] scales, float[] mins, float maxScale, float maxMin, byte[] dst, int y) {
    float invScale = maxScale > 0 ? 63.f / maxScale : 0.f;
    float invMin = maxMin > 0 ? 63.f / maxMin : 0.f;
    int s = y + SCALES;
    for (int j = 0; j < 12; j++) dst[s + j] = 0;
    for (int j = 0; j < QK_K / 32; ++j) {
      // uint8_t ls = nearest_int(...); ls = MIN(63, ls);
      int ls = Math.min(63, KQuantSearch.nearestInt(invScale * scales[j]) & 0xff);
      int lm = Math.min(63, KQuantSearch.nearestInt(invMin * mins[j]) & 0xff);
      if (j < 4) {
        dst[s + j] = (byte) ls;
        dst[s + j + 4] = (byte) lm;
      } else {
        dst[s + j + 4] = (byte) ((ls & 0xF) | ((lm & 0xF) << 4));
        dst[s + j - 4] |= (byte) ((ls >> 4) << 6);
        dst[s + j] |= (byte) ((lm >> 4) << 6);
      }
    }
    Half.writeLe(dst, y, maxScale / 63.f);
    Half.writeLe(dst, y + 2, maxMin / 63.f);
  }

  /** Second pass: levels recomputed from the rounded 6-bit scales and fp16 super-scales. */
  private void requantize(float[] x, int xo, byte[] dst, int y, byte[] l) {
    float d0 = Half.readLe(dst, y);
    float dmin0 = Half.readLe(dst, y + 2);
    for (int j = 0; j < QK_K / 32; ++j) {
      float d = d0 * scale(dst, y, j);
      if (d == 0) continue;
      float dm = dmin0 * min(dst, y, j);
      for (int ii = 0; ii < 32; ++ii) {
        int q = KQuantSearch.nearestInt((x[xo + 32 * j + ii] + dm) / d);
        l[32 * j + ii] = (byte) Math.max(0, Math.min(nmax, q));
      }
    }
  }

  /** {@code get_scale_min_k4}, the scale half. */
  static int scale(byte[] q, int y, int j) {
    int s = y + SCALES;
    return j < 4 ? q[s + j] & 63 : (q[s + j + 4] & 0xF) | (((q[s + j - 4] & 0xff) >> 6) << 4);
  }

  /** {@code get_scale_min_k4}, the minimum half. */
  static int min(byte[] q, int y, int j) {
    int s = y + SCALES;
    return j < 4
        ? q[s + j + 4] & 63
        : ((q[s + j + 4] & 0xff) >> 4) | (((q[s + j] & 0xff) >> 6) << 4);
  }

  @Override
  public void dequantize(byte[] src, int srcOff, float[] dst, int dstOff, int blocks) {
    for (int b = 0; b < blocks; b++) {
      int y = srcOff + b * blockBytes();
      int out = dstOff + b * QK_K;
      float d = Half.readLe(src, y);
      float min = Half.readLe(src, y + 2);
      for (int j = 0; j < QK_K / 32; j++) {
        float dl = d * scale(src, y, j);
        float ml = min * min(src, y, j);
        for (int i = 0; i < 32; i++) dst[out + 32 * j + i] = dl * level(src, y, 32 * j + i) - ml;
      }
    }
  }
}
