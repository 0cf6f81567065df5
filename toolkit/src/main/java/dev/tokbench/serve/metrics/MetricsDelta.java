package dev.tokbench.serve.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a server's {@code /metrics} says happened during one load level: each cumulative series'
 * growth (counters, and histograms' {@code _sum} and {@code _count}) and each gauge's value at the
 * end. Histogram buckets are left out (a vLLM server has hundreds); the raw scrapes are not kept.
 *
 * @param counters growth per cumulative series; a series that went down (the server restarted)
 *     counts from zero
 * @param gauges value per gauge (and untyped series) at the end of the level
 */
public record MetricsDelta(Map<String, Double> counters, Map<String, Double> gauges) {
  public static final MetricsDelta NONE = new MetricsDelta(Map.of(), Map.of());

  public MetricsDelta {
    counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    gauges = Collections.unmodifiableMap(new LinkedHashMap<>(gauges));
  }

  /** The change from {@code before} to {@code after}. */
  public static MetricsDelta between(MetricsSnapshot before, MetricsSnapshot after) {
    Map<String, Double> counters = new LinkedHashMap<>();
    Map<String, Double> gauges = new LinkedHashMap<>();
    after
        .values()
        .forEach(
            (series, value) -> {
              if (after.typeOf(series).equals("histogram")
                  && MetricsSnapshot.nameOf(series).endsWith("_bucket")) return;
              if (after.isCumulative(series)) {
                double was = before.values().getOrDefault(series, 0.0);
                counters.put(series, value >= was ? value - was : value);
              } else gauges.put(series, value);
            });
    return new MetricsDelta(counters, gauges);
  }

  public boolean isEmpty() {
    return counters.isEmpty() && gauges.isEmpty();
  }

  @Override
  public String toString() {
    return counters.size() + " counters, " + gauges.size() + " gauges";
  }
}
