package dev.tokbench.energy;

import java.time.Instant;

/**
 * When something happened: the wall clock in epoch milliseconds (to line up with other logs) and
 * the monotonic clock in nanoseconds (to measure intervals that an NTP step cannot bend).
 *
 * @param epochMs {@link System#currentTimeMillis()}
 * @param monoNs {@link System#nanoTime()}, or for a trace read from a file its epoch time in ns
 */
public record Stamp(long epochMs, long monoNs) {
  /** Now, on both clocks. */
  public static Stamp now() {
    return new Stamp(System.currentTimeMillis(), System.nanoTime());
  }

  /** A moment known only by its wall-clock time, as in a trace file: both axes are epoch time. */
  public static Stamp ofEpochMs(long epochMs) {
    return new Stamp(epochMs, Math.multiplyExact(epochMs, 1_000_000L));
  }

  /** This moment shifted by {@code nanos} on both clocks. */
  public Stamp plusNanos(long nanos) {
    return new Stamp(epochMs + Math.floorDiv(nanos, 1_000_000L), monoNs + nanos);
  }

  @Override
  public String toString() {
    return Instant.ofEpochMilli(epochMs).toString();
  }
}
