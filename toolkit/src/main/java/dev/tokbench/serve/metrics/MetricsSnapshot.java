package dev.tokbench.serve.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A server's {@code /metrics} at one moment: every sample's value by series ({@code name} or {@code
 * name{label="v",...}} as the server wrote it), and each metric family's declared type.
 *
 * @param values value per series, in the server's order
 * @param types type per family name ({@code counter}, {@code gauge}, {@code histogram}, {@code
 *     summary}, {@code untyped}), from {@code # TYPE} lines
 */
public record MetricsSnapshot(Map<String, Double> values, Map<String, String> types) {
  public MetricsSnapshot {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
  }

  /** The value of a series, NaN when absent. */
  public double value(String series) {
    return values.getOrDefault(series, Double.NaN);
  }

  /**
   * The type of the family a series belongs to: its own name's {@code # TYPE}, else that of the
   * name without a histogram or summary suffix ({@code _bucket}, {@code _sum}, {@code _count});
   * {@code untyped} when none was declared.
   */
  public String typeOf(String series) {
    String name = nameOf(series);
    if (types.containsKey(name)) return types.get(name);
    for (String suffix : new String[] {"_bucket", "_sum", "_count", "_created"}) {
      if (name.endsWith(suffix)) {
        String family = name.substring(0, name.length() - suffix.length());
        if (types.containsKey(family)) return types.get(family);
      }
    }
    return "untyped";
  }

  /**
   * True for what only grows while the server runs: counters, and histograms' and summaries' sums
   * and counts.
   */
  boolean isCumulative(String series) {
    String type = typeOf(series);
    String name = nameOf(series);
    if (type.equals("counter")) return true;
    boolean aggregate = type.equals("histogram") || type.equals("summary");
    return aggregate && (name.endsWith("_sum") || name.endsWith("_count"));
  }

  static String nameOf(String series) {
    int brace = series.indexOf('{');
    return brace < 0 ? series : series.substring(0, brace);
  }

  @Override
  public String toString() {
    return values.size() + " series";
  }
}
