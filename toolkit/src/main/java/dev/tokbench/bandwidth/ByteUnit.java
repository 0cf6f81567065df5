package dev.tokbench.bandwidth;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Units of data size. Decimal units (kB, MB, GB, TB: powers of 1000) are what vendors and the
 * report use; binary units (KiB, MiB, GiB, TiB: powers of 1024) are what llama-bench prints ({@code
 * 967.00 MiB}, {@code 2.45 GiB}). Mixing them is a 7% error at GB scale.
 */
public enum ByteUnit {
  B("B", 1),
  KB("kB", 1e3),
  MB("MB", 1e6),
  GB("GB", 1e9),
  TB("TB", 1e12),
  KIB("KiB", 1024.0),
  MIB("MiB", 1024.0 * 1024),
  GIB("GiB", 1024.0 * 1024 * 1024),
  TIB("TiB", 1024.0 * 1024 * 1024 * 1024);

  private final String symbol;
  private final double bytes;

  ByteUnit(String symbol, double bytes) {
    this.symbol = symbol;
    this.bytes = bytes;
  }

  /** The symbol as printed, e.g. {@code GB} or {@code MiB}. */
  public String symbol() {
    return symbol;
  }

  /** Bytes in one of this unit. */
  public double bytes() {
    return bytes;
  }

  /**
   * The unit with this symbol; {@code KB} is accepted for kB. Case matters ({@code mb} would be
   * millibits).
   *
   * @throws UnknownUnitException listing the known symbols
   */
  public static ByteUnit parse(String symbol) {
    String s = symbol.trim();
    if (s.equals("KB")) return KB;
    for (ByteUnit u : values()) {
      if (u.symbol.equals(s)) return u;
    }
    throw new UnknownUnitException(
        s, Arrays.stream(values()).map(ByteUnit::symbol).collect(Collectors.joining(", ")));
  }
}
