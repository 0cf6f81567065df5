package dev.tokbench.energy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A power trace: samples of one or more channels, from a sampler ({@link EnergyMeter}) or a file
 * ({@link Traces#read}). Immutable; {@link #energy} measures any window of it.
 */
public final class Trace {
  private final List<PowerSample> samples;
  private final Map<String, Series> series = new LinkedHashMap<>();
  private final Stamp anchor;
  private final String description;

  private Trace(List<PowerSample> samples, String description) {
    this.samples = List.copyOf(samples);
    this.description = description;
    Map<String, List<PowerSample>> byChannel = new LinkedHashMap<>();
    for (PowerSample s : this.samples) {
      byChannel.computeIfAbsent(s.channel(), k -> new ArrayList<>()).add(s);
    }
    byChannel.forEach((name, list) -> series.put(name, Series.of(sorted(list))));
    this.anchor =
        this.samples.stream()
            .map(PowerSample::stamp)
            .min(Comparator.comparingLong(Stamp::monoNs))
            .orElse(null);
  }

  /** A trace of these samples; channels are told apart by name. */
  public static Trace of(List<PowerSample> samples) {
    return of(samples, "power samples");
  }

  /**
   * A trace of these samples, with what they are and how they were read (the file format, the
   * column integrated, the time zone assumed).
   */
  public static Trace of(List<PowerSample> samples, String description) {
    if (samples.isEmpty()) throw new IllegalArgumentException("a trace needs at least one sample");
    return new Trace(samples, description);
  }

  /** What the samples are and how they were read. */
  public String description() {
    return description;
  }

  private static List<PowerSample> sorted(List<PowerSample> list) {
    List<PowerSample> s = new ArrayList<>(list);
    s.sort(Comparator.comparingLong(p -> p.stamp().monoNs()));
    for (PowerSample p : s) {
      if (p.inTotal() != s.get(0).inTotal() || !p.source().equals(s.get(0).source())) {
        throw new IllegalArgumentException(
            "channel " + p.channel() + " mixes sources or totals at " + p.stamp());
      }
    }
    return s;
  }

  public List<PowerSample> samples() {
    return samples;
  }

  /** The channels' names, in order of first appearance. */
  public List<String> channels() {
    return List.copyOf(series.keySet());
  }

  /** The names of the sources the samples came from. */
  public List<String> sources() {
    return series.values().stream().map(Series::source).distinct().toList();
  }

  /** From the first sample to the last, over every channel. */
  public Window span() {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (Series s : series.values()) {
      start = Math.min(start, s.span().startNs());
      end = Math.max(end, s.span().endNs());
    }
    return new Window(start, end);
  }

  /** The first sample's time. */
  public Stamp start() {
    return anchor;
  }

  /** Where a wall-clock time falls on this trace's monotonic axis. */
  public long monoAt(Instant t) {
    long ms = t.toEpochMilli();
    long subMs = t.getNano() % 1_000_000;
    return anchor.monoNs() + (ms - anchor.epochMs()) * 1_000_000L + subMs;
  }

  /** The wall-clock time of a point on the monotonic axis. */
  public Instant instantAt(long monoNs) {
    long ns = monoNs - anchor.monoNs();
    return Instant.ofEpochMilli(anchor.epochMs()).plusNanos(ns);
  }

  /** The window between two wall-clock times; {@code null} for either means the trace's end. */
  public Window window(Instant from, Instant to) {
    Window span = span();
    long s = from == null ? span.startNs() : monoAt(from);
    long e = to == null ? span.endNs() : monoAt(to);
    if (e < s) throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    return new Window(s, e);
  }

  /** The energy of the whole trace. */
  public WindowEnergy energy() {
    return energy(span());
  }

  /** The energy over {@code window}: per channel, in total, flagged where less than exact. */
  public WindowEnergy energy(Window window) {
    return TraceEnergy.of(List.copyOf(series.values()), window);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "trace: %d samples, %d channels %s from %s, %.1f s",
        samples.size(),
        series.size(),
        channels(),
        sources(),
        span().seconds());
  }
}
