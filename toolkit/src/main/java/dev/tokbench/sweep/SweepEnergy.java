package dev.tokbench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokbench.run.EnergySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A run block's energy keys, as the run commands' options: {@code energy} ({@code auto}, {@code
 * off}, or sources as {@code nvml,rapl} or a list), {@code energy_period_ms} (a whole number, at
 * least 1) and {@code energy_idle_s} (seconds, 0 for no baseline). Checked when the file is read; a
 * bad value names its key and line.
 */
final class SweepEnergy {
  static final Set<String> KEYS = Set.of("energy", "energy_period_ms", "energy_idle_s");

  private SweepEnergy() {}

  /** The settings the keys give over {@link EnergySettings#defaults()}; null when none is set. */
  static EnergySettings of(JsonNode run, RunBlock.Where where) {
    if (KEYS.stream().noneMatch(run::has)) return null;
    EnergySettings e = EnergySettings.defaults();
    if (run.has("energy")) e = e.withSources(sources(run.get("energy"), where));
    if (run.has("energy_period_ms")) {
      long ms = whole(run.get("energy_period_ms"), "energy_period_ms", where);
      if (ms < 1) throw where.bad("/run/energy_period_ms", "run.energy_period_ms must be >= 1");
      e = e.withPeriod(Duration.ofMillis(ms));
    }
    if (run.has("energy_idle_s")) e = e.withIdle(idle(run.get("energy_idle_s"), where));
    return e;
  }

  private static List<String> sources(JsonNode n, RunBlock.Where where) {
    String text;
    if (n.isArray()) {
      List<String> names = new ArrayList<>();
      n.forEach(v -> names.add(v.asText()));
      text = String.join(",", names);
    } else if (n.isTextual()) {
      text = n.asText();
    } else {
      throw where.bad("/run/energy", "run.energy must be auto, off or power sources, got " + n);
    }
    try {
      List<String> names = EnergySettings.parse(text);
      EnergySettings.AUTO.withSources(names); // checks every name
      return names;
    } catch (IllegalArgumentException e) {
      throw where.bad("/run/energy", "run.energy: " + e.getMessage());
    }
  }

  private static long whole(JsonNode n, String key, RunBlock.Where where) {
    if (n.canConvertToLong() && n.isIntegralNumber()) return n.asLong();
    throw where.bad(
        "/run/" + key, "run." + key + " must be a whole number, got '" + n.asText() + "'");
  }

  private static Duration idle(JsonNode n, RunBlock.Where where) {
    if (!n.isNumber() || !(n.asDouble() >= 0) || n.asDouble() > 3600) {
      throw where.bad(
          "/run/energy_idle_s",
          "run.energy_idle_s must be seconds from 0 to 3600, got '" + n.asText() + "'");
    }
    return Duration.ofMillis(Math.round(n.asDouble() * 1000));
  }
}
