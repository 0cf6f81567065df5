package dev.tokbench.bandwidth;

import java.util.List;
import java.util.Locale;

/**
 * An amount of data in bytes. A double, not a long, because published sizes are rounded ({@code
 * 1.04 GB}) and bytes per token are averages. Build with {@link #of} or {@link #parse}; read with
 * {@link #in}.
 *
 * @param bytes the amount in bytes, finite and non-negative
 */
public record Bytes(double bytes) {
  public Bytes {
    if (!(bytes >= 0) || Double.isInfinite(bytes)) {
      throw new IllegalArgumentException("bytes must be finite and >= 0, got " + bytes);
    }
  }

  /** {@code amount} of {@code unit}, e.g. {@code Bytes.of(1.04, ByteUnit.GB)}. */
  public static Bytes of(double amount, ByteUnit unit) {
    return new Bytes(amount * unit.bytes());
  }

  /** Decimal gigabytes, as the report writes sizes. */
  public static Bytes gb(double gigabytes) {
    return of(gigabytes, ByteUnit.GB);
  }

  /**
   * Parses an amount with its unit as tools print it: {@code "967.00 MiB"}, {@code "1.04 GB"},
   * {@code "2.45GiB"}.
   *
   * @throws UnknownUnitException for a unit that is not a {@link ByteUnit}
   * @throws IllegalArgumentException when there is no number
   */
  public static Bytes parse(String text) {
    String t = text.trim();
    int i = 0;
    while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
    if (i == 0) throw new IllegalArgumentException("no number in size '" + text + "'");
    return of(Double.parseDouble(t.substring(0, i)), ByteUnit.parse(t.substring(i)));
  }

  /** This amount in {@code unit}. */
  public double in(ByteUnit unit) {
    return bytes / unit.bytes();
  }

  /** The sum of two amounts. */
  public Bytes plus(Bytes other) {
    return new Bytes(bytes + other.bytes);
  }

  /** This amount {@code factor} times. */
  public Bytes times(double factor) {
    return new Bytes(bytes * factor);
  }

  /** The ratio of this amount to another, e.g. 2.47 for 2.57 GB over 1.04 GB. */
  public double ratioTo(Bytes other) {
    return bytes / other.bytes;
  }

  /**
   * Two decimals of the largest decimal unit of which this is at least a tenth, as the report
   * prints sizes ({@code 0.75 GB}, not {@code 750.00 MB}).
   */
  @Override
  public String toString() {
    for (ByteUnit u : List.of(ByteUnit.TB, ByteUnit.GB, ByteUnit.MB, ByteUnit.KB)) {
      if (bytes >= u.bytes() / 10) return String.format(Locale.ROOT, "%.2f %s", in(u), u.symbol());
    }
    return String.format(Locale.ROOT, "%.0f B", bytes);
  }
}
