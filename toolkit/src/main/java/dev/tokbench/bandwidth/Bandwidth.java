package dev.tokbench.bandwidth;

import java.util.Locale;

/**
 * A data rate in bytes per second. Decode is memory-bound: every generated token reads the weights
 * (and the KV cache) once, so bytes per token times tokens per second is the bandwidth used, and
 * bandwidth divided by bytes per token is the ceiling on tokens per second.
 *
 * @param bytesPerS bytes per second, finite and non-negative
 */
public record Bandwidth(double bytesPerS) {
  public Bandwidth {
    if (!(bytesPerS >= 0) || Double.isInfinite(bytesPerS)) {
      throw new IllegalArgumentException("bandwidth must be finite and >= 0, got " + bytesPerS);
    }
  }

  /** Decimal gigabytes per second, the unit of data sheets and of the report. */
  public static Bandwidth gbPerS(double gigabytesPerS) {
    return new Bandwidth(gigabytesPerS * ByteUnit.GB.bytes());
  }

  /** Decimal terabytes per second, e.g. 3.35 for the H100 SXM5. */
  public static Bandwidth tbPerS(double terabytesPerS) {
    return new Bandwidth(terabytesPerS * ByteUnit.TB.bytes());
  }

  /**
   * The bandwidth used when each token reads {@code perToken} at {@code tokensPerS}: the report's
   * "model_size × tok/s" estimate when {@code perToken} is the model size.
   */
  public static Bandwidth effective(Bytes perToken, double tokensPerS) {
    if (!(tokensPerS >= 0)) throw new IllegalArgumentException("tokens/s must be >= 0");
    return new Bandwidth(perToken.bytes() * tokensPerS);
  }

  /** This rate in decimal GB/s. */
  public double gbPerS() {
    return bytesPerS / ByteUnit.GB.bytes();
  }

  /** This rate as a percentage of {@code reference}, e.g. 13.0 for 26.6 of 205 GB/s. */
  public double percentOf(Bandwidth reference) {
    return 100.0 * bytesPerS / reference.bytesPerS;
  }

  /** The most tokens per second this bandwidth allows when each token reads {@code perToken}. */
  public double tokensPerSCeiling(Bytes perToken) {
    if (perToken.bytes() == 0) throw new IllegalArgumentException("bytes per token must be > 0");
    return bytesPerS / perToken.bytes();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.1f GB/s", gbPerS());
  }
}
