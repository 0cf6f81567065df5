package dev.tokbench.energy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row's energy: in all, and per phase where a row has more than one ({@code pg} with {@code
 * --progress}).
 *
 * @param label the row's label
 * @param total all its segments
 * @param phases each phase's segments
 */
public record RowEnergy(String label, Energy total, Map<Phase, Energy> phases) {
  public RowEnergy {
    phases = Collections.unmodifiableMap(new EnumMap<>(phases));
  }

  /**
   * The normalised row's fields: the total unprefixed, and {@code pp_...}/{@code tg_...} when
   * split.
   */
  public Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>(total.fields(""));
    if (phases.size() > 1) phases.forEach((p, e) -> f.putAll(e.fields(p.code() + "_")));
    return f;
  }

  @Override
  public String toString() {
    return label + ": " + total;
  }
}
