package dev.tokbench.energy;

import java.util.Arrays;
import java.util.List;

/**
 * One channel's samples in time order, as arrays, and the maths over them. Power is taken as
 * piecewise linear between samples, so the trapezoidal rule is exact for it and a window's edges
 * are interpolated; a channel with an energy counter is measured by the counter's difference
 * instead, interpolated the same way (exact for power constant between two readings).
 */
final class Series {
  private final String channel;
  private final String source;
  private final boolean inTotal;
  private final long[] t;
  private final double[] w;
  private final double[] e;
  private final boolean counter;

  private Series(String channel, String source, boolean inTotal, long[] t, double[] w, double[] e) {
    this.channel = channel;
    this.source = source;
    this.inTotal = inTotal;
    this.t = t;
    this.w = w;
    this.e = e;
    this.counter = Arrays.stream(e).noneMatch(Double::isNaN);
    if (counter) fillPowerFromCounter();
  }

  /** The samples of one channel, in time order. */
  static Series of(List<PowerSample> samples) {
    int n = samples.size();
    long[] t = new long[n];
    double[] w = new double[n];
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      PowerSample s = samples.get(i);
      t[i] = s.stamp().monoNs();
      w[i] = s.watts();
      e[i] = s.energyJ();
      if (i > 0 && t[i] < t[i - 1]) {
        throw new IllegalArgumentException(
            s.channel() + ": samples out of time order at sample " + i + " (" + s.stamp() + ")");
      }
    }
    PowerSample first = samples.get(0);
    return new Series(first.channel(), first.source(), first.inTotal(), t, w, e);
  }

  /** A counter-only channel (RAPL) gets the mean power of the interval before each reading. */
  private void fillPowerFromCounter() {
    for (int i = 1; i < t.length; i++) {
      if (Double.isNaN(w[i]) && t[i] > t[i - 1])
        w[i] = (e[i] - e[i - 1]) / ((t[i] - t[i - 1]) / 1e9);
    }
    if (t.length > 1 && Double.isNaN(w[0])) w[0] = w[1];
  }

  String channel() {
    return channel;
  }

  String source() {
    return source;
  }

  boolean inTotal() {
    return inTotal;
  }

  boolean hasCounter() {
    return counter;
  }

  Window span() {
    return new Window(t[0], t[t.length - 1]);
  }

  /** Joules over {@code win}, which must lie within {@link #span}. */
  double joules(Window win) {
    if (counter) return at(e, win.endNs()) - at(e, win.startNs());
    double sum = 0;
    for (int i = Math.max(0, floor(win.startNs())); i + 1 < t.length && t[i] < win.endNs(); i++) {
      long x = Math.max(win.startNs(), t[i]);
      long y = Math.min(win.endNs(), t[i + 1]);
      if (y > x) sum += (y - x) / 1e9 * (at(w, x) + at(w, y)) / 2;
    }
    return sum;
  }

  /** Power at {@code ns}, interpolated between the samples either side. */
  double watts(long ns) {
    return at(w, ns);
  }

  /** The highest power inside {@code win}, counting the interpolated values at its edges. */
  double peak(Window win) {
    double max = Math.max(at(w, win.startNs()), at(w, win.endNs()));
    for (int i = 0; i < t.length; i++) if (win.contains(t[i])) max = Math.max(max, w[i]);
    return max;
  }

  /** How many samples lie inside {@code win}. */
  int count(Window win) {
    int n = 0;
    for (long x : t) if (win.contains(x)) n++;
    return n;
  }

  /** The sample times inside {@code win}. */
  long[] times(Window win) {
    return Arrays.stream(t).filter(win::contains).toArray();
  }

  /**
   * The median interval between readings that changed: for a counter, how often it is updated
   * (which can be slower than it is read); 0 with fewer than two readings.
   */
  long periodNs() {
    long[] gaps = new long[t.length];
    int n = 0;
    int last = 0;
    for (int i = 1; i < t.length; i++) {
      double[] v = counter ? e : w;
      if (counter && v[i] == v[last]) continue;
      if (t[i] > t[last]) gaps[n++] = t[i] - t[last];
      last = i;
    }
    if (n == 0) return 0;
    long[] sorted = Arrays.copyOf(gaps, n);
    Arrays.sort(sorted);
    return sorted[n / 2];
  }

  /** The index of the last sample at or before {@code ns}; -1 if none. */
  private int floor(long ns) {
    int i = Arrays.binarySearch(t, ns);
    if (i >= 0) {
      while (i + 1 < t.length && t[i + 1] == ns) i++;
      return i;
    }
    return -i - 2;
  }

  private double at(double[] v, long ns) {
    int i = floor(ns);
    if (i < 0) return v[0];
    if (i >= t.length - 1) return v[t.length - 1];
    long span = t[i + 1] - t[i];
    if (span == 0) return v[i];
    return v[i] + (v[i + 1] - v[i]) * ((double) (ns - t[i]) / span);
  }
}
