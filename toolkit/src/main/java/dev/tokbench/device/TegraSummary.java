package dev.tokbench.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * What {@code tegrastats} saw during a run: for GPU load ({@code GR3D_FREQ}), memory controller
 * load ({@code EMC_FREQ}) and each power rail the min, max and mean of the samples, plus peak RAM
 * and temperatures. {@link #provenance} is how it is recorded on result rows.
 *
 * @param samples the samples summarised, in order
 */
public record TegraSummary(List<TegraSample> samples) {
  public TegraSummary {
    samples = List.copyOf(samples);
  }

  static TegraSummary of(List<TegraSample> samples) {
    return new TegraSummary(samples);
  }

  /** True when there were no samples (no tegrastats, or none yet). */
  public boolean isEmpty() {
    return samples.isEmpty();
  }

  /** Min, max and mean of one quantity over the samples that have it; NaNs when none have it. */
  public record Range(double min, double max, double mean) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f/%.1f/%.1f", min, max, mean);
    }
  }

  /** GPU load in percent of its clock. */
  public Range gr3dPercent() {
    return range(TegraSample::gr3dPercent);
  }

  /** Memory controller load in percent of its clock. */
  public Range emcPercent() {
    return range(TegraSample::emcPercent);
  }

  /** One rail's power in milliwatts ({@code VDD_IN}, {@code VDD_GPU_SOC} …). */
  public Range powerMw(String rail) {
    return range(s -> s.powerMw().getOrDefault(rail, Double.NaN));
  }

  /**
   * Entries for a row's provenance, e.g. {@code tegrastats_gr3d_percent = 12.0/99.0/63.5}
   * (min/max/mean) and {@code tegrastats_power_mw.VDD_GPU_SOC = …}; empty when there were no
   * samples.
   */
  public Map<String, String> provenance() {
    Map<String, String> p = new LinkedHashMap<>();
    if (isEmpty()) return p;
    p.put("tegrastats_samples", Integer.toString(samples.size()));
    p.put("tegrastats_gr3d_percent", gr3dPercent().toString());
    p.put("tegrastats_gr3d_mhz", range(TegraSample::gr3dMhz).toString());
    p.put("tegrastats_emc_percent", emcPercent().toString());
    p.put("tegrastats_ram_used_mb_max", max(TegraSample::ramUsedMb));
    for (String rail : names(true)) p.put("tegrastats_power_mw." + rail, powerMw(rail).toString());
    for (String sensor : names(false)) {
      p.put(
          "tegrastats_temp_c_max." + sensor,
          max(s -> s.temperaturesC().getOrDefault(sensor, Double.NaN)));
    }
    return p;
  }

  private TreeSet<String> names(boolean rails) {
    TreeSet<String> names = new TreeSet<>();
    for (TegraSample s : samples)
      names.addAll(rails ? s.powerMw().keySet() : s.temperaturesC().keySet());
    return names;
  }

  private String max(ToDoubleFunction<TegraSample> f) {
    return String.format(Locale.ROOT, "%.1f", range(f).max());
  }

  private Range range(ToDoubleFunction<TegraSample> f) {
    List<Double> xs = new ArrayList<>();
    for (TegraSample s : samples) {
      double v = f.applyAsDouble(s);
      if (!Double.isNaN(v)) xs.add(v);
    }
    if (xs.isEmpty()) return new Range(Double.NaN, Double.NaN, Double.NaN);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double x : xs) {
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
    }
    return new Range(min, max, sum / xs.size());
  }

  @Override
  public String toString() {
    return isEmpty()
        ? "no tegrastats samples"
        : samples.size() + " tegrastats samples, GR3D % " + gr3dPercent() + " (min/max/mean)";
  }
}
