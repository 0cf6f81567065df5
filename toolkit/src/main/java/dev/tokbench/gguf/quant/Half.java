package dev.tokbench.gguf.quant;

/**
 * IEEE half precision and bfloat16 conversions, bit-exact with ggml's scalar paths ({@code
 * ggml_compute_fp32_to_fp16}, {@code ggml_compute_fp32_to_bf16}): round to nearest, ties to even.
 * Java 17 has no {@code Float.floatToFloat16}, hence this class.
 */
final class Half {
  private Half() {}

  /** The half-precision bits nearest to {@code f}, ties to even; NaN stays NaN. */
  public static short fromFloat(float f) {
    int bits = Float.floatToRawIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    int abs = bits & 0x7fffffff;
    if (abs >= 0x7f800000) { // inf or NaN
      return (short) (sign | 0x7c00 | (abs > 0x7f800000 ? 0x200 : 0));
    }
    if (abs >= 0x477ff000) { // rounds to a value beyond 65504
      return (short) (sign | 0x7c00);
    }
    if (abs < 0x38800000) { // below the smallest normal half: a subnormal or zero
      float scaled = Float.intBitsToFloat(abs) * 0x1p24f; // exact, then one rounding to int
      return (short) (sign | (int) Math.rint(scaled));
    }
    int mantissa = abs & 0x7fffff;
    int halfExp = ((abs >>> 23) - 127 + 15) << 10;
    int rounded = halfExp | (mantissa >>> 13);
    int rest = mantissa & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (rounded & 1) == 1)) rounded++;
    return (short) (sign | rounded);
  }

  /** The float value of half-precision bits (exact). */
  public static float toFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exp = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exp == 0) {
      float v = mantissa * 0x1p-24f;
      return sign == 0 ? v : -v;
    }
    if (exp == 31) return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mantissa << 13));
  }

  /** The bfloat16 bits nearest to {@code f}, ties to even; NaN is kept quiet. */
  public static short bf16FromFloat(float f) {
    int u = Float.floatToRawIntBits(f);
    if ((u & 0x7fffffff) > 0x7f800000) return (short) ((u >>> 16) | 64);
    return (short) ((u + (0x7fff + ((u >>> 16) & 1))) >>> 16);
  }

  /** The float value of bfloat16 bits (exact). */
  public static float bf16ToFloat(short b) {
    return Float.intBitsToFloat((b & 0xffff) << 16);
  }

  /** The float value of the little-endian half at {@code bytes[offset]}. */
  static float readLe(byte[] bytes, int offset) {
    return toFloat((short) ((bytes[offset] & 0xff) | (bytes[offset + 1] << 8)));
  }

  /** Writes {@code f} as a little-endian half at {@code bytes[offset]}. */
  static void writeLe(byte[] bytes, int offset, float f) {
    short h = fromFloat(f);
    bytes[offset] = (byte) h;
    bytes[offset + 1] = (byte) (h >> 8);
  }
}
