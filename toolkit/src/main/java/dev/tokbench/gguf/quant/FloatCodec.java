package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.GgmlType;

/** The unquantized element types F32, F16 and BF16 (ggml's "blocks" of one element). */
final class FloatCodec implements BlockCodec {
  private final GgmlType type;

  FloatCodec(GgmlType type) {
    if (type != GgmlType.F32 && type != GgmlType.F16 && type != GgmlType.BF16) {
      throw new IllegalArgumentException("not a float type: " + type);
    }
    this.type = type;
  }

  @Override
  public GgmlType type() {
    return type;
  }

  @Override
  public void quantize(float[] src, int srcOff, byte[] dst, int dstOff, int n) {
    for (int i = 0; i < n; i++) {
      float v = src[srcOff + i];
      int bits =
          type == GgmlType.F32
              ? Float.floatToRawIntBits(v)
              : type == GgmlType.F16 ? Half.fromFloat(v) : Half.bf16FromFloat(v);
      int at = dstOff + i * type.typeSize();
      for (int k = 0; k < type.typeSize(); k++) dst[at + k] = (byte) (bits >>> (8 * k));
    }
  }

  @Override
  public void dequantize(byte[] src, int srcOff, float[] dst, int dstOff, int n) {
    for (int i = 0; i < n; i++) {
      int at = srcOff + i * type.typeSize();
      int bits = 0;
      for (int k = 0; k < type.typeSize(); k++) bits |= (src[at + k] & 0xff) << (8 * k);
      dst[dstOff + i] =
          type == GgmlType.F32
              ? Float.intBitsToFloat(bits)
              : type == GgmlType.F16 ? Half.toFloat((short) bits) : Half.bf16ToFloat((short) bits);
    }
  }
}
