package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.BlockByteOrder;
import dev.tokbench.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Quantization and dequantization of rows of floats to and from ggml's block formats, bit-exact
 * with llama.cpp's reference quantizers (what llama-quantize uses without an importance matrix):
 *
 * <pre>{@code
 * byte[] q = Quantizer.of(GgmlType.Q4_K).quantize(weights);
 * float[] back = Quantizer.of(GgmlType.Q4_K).dequantize(ByteBuffer.wrap(q), weights.length);
 * }</pre>
 *
 * Supported: F32, F16, BF16, Q8_0, Q4_0, Q5_0, Q5_1 (llama-quantize's fallbacks for rows that fit
 * no K block), Q4_K, Q5_K, Q6_K.
 */
public final class Quantizer {
  private static final List<GgmlType> SUPPORTED =
      List.of(
          GgmlType.F32,
          GgmlType.F16,
          GgmlType.BF16,
          GgmlType.Q8_0,
          GgmlType.Q4_0,
          GgmlType.Q5_0,
          GgmlType.Q5_1,
          GgmlType.Q4_K,
          GgmlType.Q5_K,
          GgmlType.Q6_K);

  private final BlockCodec codec;

  private Quantizer(BlockCodec codec) {
    this.codec = codec;
  }

  /**
   * The quantizer for {@code type}.
   *
   * @throws UnsupportedTypeException for a type not listed in {@link #supported()}
   */
  public static Quantizer of(GgmlType type) {
    switch (type) {
      case F32:
      case F16:
      case BF16:
        return new Quantizer(new FloatCodec(type));
      case Q8_0:
        return new Quantizer(new Q8_0Codec());
      case Q4_0:
        return new Quantizer(new Q4_0Codec());
      case Q5_0:
        return new Quantizer(new Q5Codec(false));
      case Q5_1:
        return new Quantizer(new Q5Codec(true));
      case Q4_K:
        return new Quantizer(new Q4KCodec());
      case Q5_K:
        return new Quantizer(new Q5KCodec());
      case Q6_K:
        return new Quantizer(new Q6KCodec());
      default:
        throw new UnsupportedTypeException(type);
    }
  }

  /** The types this class converts. */
  public static List<GgmlType> supported() {
    return SUPPORTED;
  }

  public GgmlType type() {
    return codec.type();
  }

  /** Quantizes {@code values} (a whole number of blocks) into a new array of block bytes. */
  public byte[] quantize(float[] values) {
    byte[] out = new byte[Math.toIntExact(type().bytesFor(values.length))];
    quantize(values, 0, values.length, out, 0);
    return out;
  }

  /**
   * Quantizes {@code count} values from {@code src[srcOff..]} into {@code dst[dstOff..]}, in ggml's
   * little-endian layout.
   *
   * @throws IllegalArgumentException if {@code count} is not a whole number of blocks
   */
  public void quantize(float[] src, int srcOff, int count, byte[] dst, int dstOff) {
    type().bytesFor(count);
    codec.quantize(src, srcOff, dst, dstOff, count / type().blockSize());
  }

  /**
   * Dequantizes {@code count} values from the block bytes at the buffer's position, in ggml's
   * little-endian layout (the buffer's own order setting is not consulted).
   */
  public float[] dequantize(ByteBuffer blocks, int count) {
    return dequantize(blocks, count, ByteOrder.LITTLE_ENDIAN);
  }

  /** Dequantizes {@code count} values stored in a file of byte order {@code fileOrder}. */
  public float[] dequantize(ByteBuffer blocks, int count, ByteOrder fileOrder) {
    int bytes = Math.toIntExact(type().bytesFor(count));
    byte[] raw = new byte[bytes];
    blocks.duplicate().get(raw);
    if (fileOrder == ByteOrder.BIG_ENDIAN) {
      swapByteOrder(raw, 0, count / type().blockSize());
    }
    float[] out = new float[count];
    codec.dequantize(raw, 0, out, 0, count / type().blockSize());
    return out;
  }

  /**
   * Reverses the byte order of every multi-byte field of {@code blocks} blocks at {@code
   * bytes[off..]}, turning ggml's little-endian layout into a big-endian file's and back.
   */
  public void swapByteOrder(byte[] bytes, int off, int blocks) {
    BlockByteOrder.swap(type(), bytes, off, blocks);
  }

  @Override
  public String toString() {
    return "Quantizer[" + type() + "]";
  }
}
