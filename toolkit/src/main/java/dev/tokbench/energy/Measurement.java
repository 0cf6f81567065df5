package dev.tokbench.energy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@link EnergyMeter} measured: its samples, the sources that took them, the idle baseline
 * and the run window. {@link #attribute} splits the run's joules over its rows.
 *
 * @param samples every sample, in arrival order
 * @param sources the sources sampled
 * @param period the sampling period asked for
 * @param baseline the idle window, {@code null} when none was taken
 * @param run from the end of the baseline (or the start) to {@link EnergyMeter#stop}
 * @param ticks how many times the polled sources were read
 * @param missedTicks ticks skipped because a read overran its period
 */
public record Measurement(
    List<PowerSample> samples,
    List<SourceInfo> sources,
    Duration period,
    Window baseline,
    Window run,
    long ticks,
    long missedTicks) {
  public Measurement {
    samples = List.copyOf(samples);
    sources = List.copyOf(sources);
  }

  /** The samples as a trace; empty when there were none (a run shorter than one period). */
  public Optional<Trace> trace() {
    if (samples.isEmpty()) return Optional.empty();
    return Optional.of(Trace.of(samples, "energy meter on " + sourceNames()));
  }

  /** The sources' names, joined: {@code nvml}, {@code nvml+rapl}. */
  public String sourceNames() {
    return String.join("+", sources.stream().map(SourceInfo::name).toList());
  }

  /** The energy of the run window. */
  public WindowEnergy energy() {
    return energy(run);
  }

  /** The energy of any window. */
  public WindowEnergy energy(Window w) {
    return trace().map(t -> t.energy(w)).orElseGet(() -> WindowEnergy.notCovered(w));
  }

  /** Mean power over the idle baseline, NaN without one. */
  public double idleWatts() {
    return baseline == null ? Double.NaN : energy(baseline).meanW();
  }

  /** Each row's joules, per phase and in all, net of the idle power; see {@link Attribution}. */
  public List<RowEnergy> attribute(List<TimedRow> rows) {
    return Attribution.of(this, rows);
  }

  /**
   * The fields a normalised result row carries about how its energy was measured: {@code
   * energy_source}, {@code energy_period_ms}, {@code energy_idle_w}, and each source's provenance.
   */
  public Map<String, String> provenance() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("energy_source", sourceNames());
    p.put("energy_period_ms", Long.toString(period.toMillis()));
    p.put("energy_idle_w", String.format(Locale.ROOT, "%.2f", idleWatts()));
    for (SourceInfo s : sources) p.putAll(s.provenance());
    return p;
  }

  @Override
  public String toString() {
    return samples.size() + " samples from " + sourceNames() + ": " + energy();
  }
}
