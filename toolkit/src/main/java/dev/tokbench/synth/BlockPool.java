package dev.tokbench.synth;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.gguf.quant.Quantizer;
import java.util.SplittableRandom;

/**
 * Seeded pseudo-random weights, already in their ggml type: a pool of units (one block, or 32 plain
 * elements) quantized from normal values of standard deviation 0.02, from which a tensor's units
 * are drawn by a seeded hash. Quantizing a whole model block by block costs about as much as
 * llama-quantize (a minute for 1B parameters on two cores); drawing quantized blocks from a pool
 * gives the same layout, the same per-block statistics and a deterministic file in a few seconds.
 * What differs from fresh weights is only that blocks repeat across the model, which a speed
 * benchmark cannot see.
 */
final class BlockPool {
  static final int UNITS = 4096;
  static final double STDDEV = 0.02;

  private final GgmlType type;
  private final int unitElements;
  private final int unitBytes;
  private final byte[] bytes;

  private BlockPool(GgmlType type, int unitElements, byte[] bytes) {
    this.type = type;
    this.unitElements = unitElements;
    this.unitBytes = Math.toIntExact(type.bytesFor(unitElements));
    this.bytes = bytes;
  }

  /** A pool for {@code type} whose units fit rows of {@code rowLength} elements. */
  static BlockPool of(GgmlType type, long rowLength, long seed) {
    int unit = type.isQuantized() ? type.blockSize() : rowLength % 32 == 0 ? 32 : 1;
    SplittableRandom random = new SplittableRandom(seed ^ (type.id() * 0x9E3779B97F4A7C15L));
    float[] values = new float[UNITS * unit];
    for (int i = 0; i < values.length; i++) values[i] = (float) (random.nextGaussian() * STDDEV);
    return new BlockPool(type, unit, Quantizer.of(type).quantize(values));
  }

  GgmlType type() {
    return type;
  }

  int unitElements() {
    return unitElements;
  }

  int unitBytes() {
    return unitBytes;
  }

  /**
   * Copies the unit chosen for position {@code unit} of tensor {@code tensorSeed} to {@code dst}.
   */
  void copyUnit(long tensorSeed, long unit, byte[] dst, int dstOff) {
    int pick = (int) (mix(tensorSeed + unit * 0x9E3779B97F4A7C15L) >>> 52) & (UNITS - 1);
    System.arraycopy(bytes, pick * unitBytes, dst, dstOff, unitBytes);
  }

  /** SplitMix64's finaliser: a cheap, well-mixed hash of a 64-bit value. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
