package dev.tokbench.gguf.quant;

/**
 * The scale searches of ggml-quants.c that the reference quantizers ({@code quantize_row_*_ref},
 * used by llama-quantize without an importance matrix) rely on, ported operation by operation in
 * single precision so that the bytes come out the same.
 */
final class KQuantSearch {
  private KQuantSearch() {}

  /** {@code nearest_int}: round to nearest, ties to even, through the 1.5 * 2^23 float trick. */
  static int nearestInt(float fval) {
    float val = fval + 12582912.f;
    int i = Float.floatToRawIntBits(val);
    return (i & 0x007fffff) - 0x00400000;
  }

  /**
   * {@code make_qkx2_quants}: the scale and minimum of {@code n} values at {@code x[xOff..]} for
   * levels {@code 0..nmax}, searching {@code nstep + 1} candidate scales around {@code nmax / (max
   * - min)}. Writes the levels to {@code levels[lOff..]} and the minimum (negated, as ggml does) to
   * {@code theMin[mOff]}; returns the scale.
   */
  static float makeQkx2Quants(
      int n,
      int nmax,
      float[] x,
      int xOff,
      float[] weights,
      byte[] levels,
      int lOff,
      float[] theMin,
      int mOff,
      byte[] aux,
      float rmin,
      float rdelta,
      int nstep) {
    float min = x[xOff];
    float max = x[xOff];
    float sumW = weights[0];
    float sumX = sumW * x[xOff];
    for (int i = 1; i < n; ++i) {
      float xi = x[xOff + i];
      if (xi < min) min = xi;
      if (xi > max) max = xi;
      float w = weights[i];
      sumW += w;
      sumX += w * xi;
    }
    if (min > 0) min = 0;
    if (max == min) {
      for (int i = 0; i < n; ++i) levels[lOff + i] = 0;
      theMin[mOff] = -min;
      return 0.f;
    }
    float iscale = nmax / (max - min);
    float scale = 1 / iscale;
    float bestError = 0;
    for (int i = 0; i < n; ++i) {
      int l = nearestInt(iscale * (x[xOff + i] - min));
      l = Math.max(0, Math.min(nmax, l));
      levels[lOff + i] = (byte) l;
      float diff = scale * l + min - x[xOff + i];
      bestError += weights[i] * (diff * diff);
    }
    for (int is = 0; is <= nstep; ++is) {
      iscale = (rmin + rdelta * is + nmax) / (max - min);
      float sumL = 0, sumL2 = 0, sumXl = 0;
      for (int i = 0; i < n; ++i) {
        int l = nearestInt(iscale * (x[xOff + i] - min));
        l = Math.max(0, Math.min(nmax, l));
        aux[i] = (byte) l;
        float w = weights[i];
        sumL += w * l;
        sumL2 += w * l * l;
        sumXl += w * l * x[xOff + i];
      }
      float det = sumW * sumL2 - sumL * sumL;
      if (det > 0) {
        float thisScale = (sumW * sumXl - sumX * sumL) / det;
        float thisMin = (sumL2 * sumX - sumL * sumXl) / det;
        if (thisMin > 0) {
          thisMin = 0;
          thisScale = sumXl / sumL2;
        }
        float curError = 0;
        for (int i = 0; i < n; ++i) {
          float diff = thisScale * aux[i] + thisMin - x[xOff + i];
          curError += weights[i] * (diff * diff);
        }
        if (curError < bestError) {
          System.arraycopy(aux, 0, levels, lOff, n);
          bestError = curError;
          scale = thisScale;
          min = thisMin;
        }
      }
    }
    theMin[mOff] = -min;
    return scale;
  }

  /**
   * {@code make_qx_quants} with {@code rmse_type} 1 and no importance weights (weight {@code x²}):
   * the signed scale of {@code n} values for levels {@code -nmax..nmax-1}, searching 18 candidate
   * scales. Writes {@code level + nmax} to {@code levels[lOff..]}.
   */
  static float makeQxQuants(int n, int nmax, float[] x, int xOff, byte[] levels, int lOff) {
    float max = 0;
    float amax = 0;
    for (int i = 0; i < n; ++i) {
      float ax = Math.abs(x[xOff + i]);
      if (ax > amax) {
        amax = ax;
        max = x[xOff + i];
      }
    }
    if (amax < 1e-15f) { // GROUP_MAX_EPS: all zero
      for (int i = 0; i < n; ++i) levels[lOff + i] = 0;
      return 0.f;
    }
    float iscale = -nmax / max;
    float sumlx = 0;
    float suml2 = 0;
    for (int i = 0; i < n; ++i) {
      float xi = x[xOff + i];
      int l = Math.max(-nmax, Math.min(nmax - 1, nearestInt(iscale * xi)));
      levels[lOff + i] = (byte) (l + nmax);
      float w = xi * xi;
      sumlx += w * xi * l;
      suml2 += w * l * l;
    }
    float scale = suml2 != 0 ? sumlx / suml2 : 0.0f;
    float best = scale * sumlx;
    for (int is = -9; is <= 9; ++is) {
      if (is == 0) continue;
      iscale = -(nmax + 0.1f * is) / max;
      sumlx = suml2 = 0;
      for (int i = 0; i < n; ++i) {
        float xi = x[xOff + i];
        int l = Math.max(-nmax, Math.min(nmax - 1, nearestInt(iscale * xi)));
        float w = xi * xi;
        sumlx += w * xi * l;
        suml2 += w * l * l;
      }
      if (suml2 > 0 && sumlx * sumlx > best * suml2) {
        for (int i = 0; i < n; ++i) {
          int l = nearestInt(iscale * x[xOff + i]);
          levels[lOff + i] = (byte) (nmax + Math.max(-nmax, Math.min(nmax - 1, l)));
        }
        scale = sumlx / suml2;
        best = scale * sumlx;
      }
    }
    return scale;
  }
}
