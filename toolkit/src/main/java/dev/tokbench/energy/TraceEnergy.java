package dev.tokbench.energy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The sums over channels behind {@link Trace#energy(Window)}. */
final class TraceEnergy {
  private TraceEnergy() {}

  static WindowEnergy of(List<Series> series, Window window) {
    List<ChannelEnergy> channels = new ArrayList<>();
    List<Series> total = new ArrayList<>();
    Window covered = null;
    for (Series s : series) {
      Window part = window.clip(s.span());
      boolean overlaps =
          part.nanos() > 0 || (window.nanos() == 0 && s.span().contains(window.startNs()));
      channels.add(channel(s, overlaps ? part : null));
      if (s.inTotal() && overlaps) {
        total.add(s);
        covered = covered == null ? part : union(covered, part);
      }
    }
    if (covered == null) {
      WindowEnergy none = WindowEnergy.notCovered(window);
      return new WindowEnergy(
          window,
          none.covered(),
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          channels,
          none.flags());
    }
    return total(window, covered, total, channels);
  }

  private static WindowEnergy total(
      Window window, Window covered, List<Series> total, List<ChannelEnergy> channels) {
    double joules = 0;
    int samples = 0;
    long period = 0;
    for (Series s : total) {
      joules += s.joules(window.clip(s.span()));
      samples = Math.max(samples, s.count(window));
      period = Math.max(period, s.periodNs());
    }
    Set<EnergyFlag> flags = EnumSet.noneOf(EnergyFlag.class);
    if (covered.nanos() < window.nanos()) flags.add(EnergyFlag.CLIPPED);
    if (samples == 0) flags.add(EnergyFlag.NO_SAMPLE_INSIDE);
    if (period == 0 || covered.nanos() < EnergyFlag.MIN_PERIODS * period) {
      flags.add(EnergyFlag.SHORT);
    }
    double sampled = peak(total, covered);
    double mean = covered.nanos() > 0 ? joules / covered.seconds() : sampled;
    // a peak is never below the mean: lagging power readings over a short window can be
    if (mean > above(sampled)) flags.add(EnergyFlag.PEAK_IS_MEAN);
    return new WindowEnergy(
        window,
        covered,
        samples,
        joules,
        mean,
        atLeast(sampled, mean),
        period / 1e6,
        channels,
        flags);
  }

  private static ChannelEnergy channel(Series s, Window part) {
    if (part == null) {
      return new ChannelEnergy(
          s.channel(),
          s.source(),
          s.inTotal(),
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          s.periodNs() / 1e6,
          s.hasCounter());
    }
    double j = s.joules(part);
    double mean = part.nanos() > 0 ? j / part.seconds() : s.watts(part.startNs());
    return new ChannelEnergy(
        s.channel(),
        s.source(),
        s.inTotal(),
        s.count(part),
        j,
        mean,
        atLeast(s.peak(part), mean),
        s.periodNs() / 1e6,
        s.hasCounter());
  }

  /** The summed power of the channels at every sample time inside {@code w}, and its maximum. */
  private static double peak(List<Series> total, Window w) {
    if (total.size() == 1) return total.get(0).peak(w);
    TreeSet<Long> times = new TreeSet<>(List.of(w.startNs(), w.endNs()));
    for (Series s : total) for (long t : s.times(w)) times.add(t);
    double max = Double.NEGATIVE_INFINITY;
    for (long t : times) {
      double sum = 0;
      for (Series s : total) sum += s.watts(t);
      max = Math.max(max, sum);
    }
    return max;
  }

  /**
   * The sampled peak, or the mean where that is higher by more than rounding (a constant power's
   * joules over seconds may come out a few ulps above it); a NaN mean leaves the peak alone.
   */
  private static double atLeast(double peak, double mean) {
    return mean > above(peak) ? mean : peak;
  }

  private static double above(double peak) {
    return peak + Math.abs(peak) * 1e-9;
  }

  private static Window union(Window a, Window b) {
    return new Window(Math.min(a.startNs(), b.startNs()), Math.max(a.endNs(), b.endNs()));
  }
}
