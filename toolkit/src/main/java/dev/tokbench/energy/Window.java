package dev.tokbench.energy;

import java.util.Locale;

/**
 * A span on a trace's monotonic axis ({@link Stamp#monoNs}), closed at both ends.
 *
 * @param startNs where it begins
 * @param endNs where it ends, not before {@code startNs}
 */
public record Window(long startNs, long endNs) {
  public Window {
    if (endNs < startNs) {
      throw new IllegalArgumentException(
          "a window cannot end before it starts: " + startNs + " .. " + endNs + " ns");
    }
  }

  /** The span between two moments. */
  public static Window between(Stamp start, Stamp end) {
    return new Window(start.monoNs(), end.monoNs());
  }

  /**
   * The window of something that ended at {@code end} after running for {@code nanos}: a
   * llama-bench row's tests, a tinygrad token.
   */
  public static Window endingAt(long endNs, long nanos) {
    if (nanos < 0) throw new IllegalArgumentException("a duration cannot be negative: " + nanos);
    return new Window(endNs - nanos, endNs);
  }

  public long nanos() {
    return endNs - startNs;
  }

  public double seconds() {
    return nanos() / 1e9;
  }

  public boolean contains(long ns) {
    return ns >= startNs && ns <= endNs;
  }

  /** True when the two share more than an end point. */
  public boolean overlaps(Window o) {
    return startNs < o.endNs && o.startNs < endNs;
  }

  /** The part of this window inside {@code o}; empty (zero length at a bound) when none. */
  public Window clip(Window o) {
    long s = Math.max(startNs, o.startNs);
    long e = Math.min(endNs, o.endNs);
    return e < s ? new Window(s, s) : new Window(s, e);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.3f s window", seconds());
  }
}
