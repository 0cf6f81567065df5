package dev.tokbench.run;

import dev.tokbench.energy.EnergyMeter;
import dev.tokbench.energy.Probe;
import dev.tokbench.energy.SourceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a run measures the energy its tests use: which power sources (the best this machine has, the
 * ones named, or none), how often they are read, how long the idle baseline before the run is, and
 * where each sample goes. {@code --energy off|auto|nvml,rapl}, {@code --energy-period-ms}, {@code
 * --energy-idle-s}, {@code --energy-trace} on the run commands; {@code energy}, {@code
 * energy_period_ms}, {@code energy_idle_s} in sweep files.
 *
 * @param sources the sources to sample together, from {@link Probe#ORDER}; empty for the best one
 *     here; {@code [off]} for none
 * @param period how often they are read
 * @param idle the idle baseline taken before the run; zero for none
 * @param trace a file for every sample (tokbench's trace CSV); null for none
 * @param where where the sources look (NVML's library, RAPL's tree); null for this machine's places
 */
public record EnergySettings(
    List<String> sources, Duration period, Duration idle, Path trace, SourceConfig where) {
  /** The system property that sets the default of every run: {@code off}, {@code auto} or names. */
  public static final String PROPERTY = "tokbench.energy";

  /** Three seconds: long enough for a GPU's power to settle to idle, short beside a benchmark. */
  public static final Duration DEFAULT_IDLE = Duration.ofSeconds(3);

  /** The best source, read every 100 ms, after a 3 s idle baseline. */
  public static final EnergySettings AUTO =
      new EnergySettings(List.of(), EnergyMeter.DEFAULT_PERIOD, DEFAULT_IDLE, null, null);

  /** No energy measured. */
  public static final EnergySettings OFF = AUTO.withSources(List.of("off"));

  public EnergySettings {
    sources = List.copyOf(sources);
    for (String s : sources) {
      if (!s.equals("off") && !Probe.ORDER.contains(s)) {
        throw new IllegalArgumentException(
            "unknown power source '" + s + "'; expected off, auto or some of " + Probe.ORDER);
      }
    }
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(idle, "idle");
    if (period.toMillis() < 1)
      throw new IllegalArgumentException("an energy period of at least 1 ms, got " + period);
    if (idle.isNegative()) throw new IllegalArgumentException("a negative idle time: " + idle);
  }

  /** What runs get when nothing is said: {@value #PROPERTY} if set, else {@link #AUTO}. */
  public static EnergySettings defaults() {
    String p = System.getProperty(PROPERTY);
    return p == null || p.isBlank() ? AUTO : AUTO.withSources(parse(p));
  }

  /**
   * {@code off}, {@code auto}, or source names joined by commas, as a list for {@link #sources}.
   */
  public static List<String> parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("auto") || t.isEmpty()) return List.of();
    List<String> out = new ArrayList<>();
    for (String s : t.split(",")) out.add(s.strip());
    if (out.contains("off") && out.size() > 1)
      throw new IllegalArgumentException("--energy off goes alone, got '" + text + "'");
    return out;
  }

  /** True when no energy is measured. */
  public boolean off() {
    return sources.contains("off");
  }

  public EnergySettings withSources(List<String> names) {
    return new EnergySettings(names, period, idle, trace, where);
  }

  public EnergySettings withPeriod(Duration d) {
    return new EnergySettings(sources, d, idle, trace, where);
  }

  public EnergySettings withIdle(Duration d) {
    return new EnergySettings(sources, period, d, trace, where);
  }

  public EnergySettings withTrace(Path file) {
    return new EnergySettings(sources, period, idle, file, where);
  }

  public EnergySettings withWhere(SourceConfig config) {
    return new EnergySettings(sources, period, idle, trace, config);
  }

  /** Where the sources look: the one given, else this machine's places. */
  public SourceConfig config() {
    return where != null ? where : SourceConfig.defaults();
  }

  @Override
  public String toString() {
    if (off()) return "energy off";
    return "energy from "
        + (sources.isEmpty() ? "the best source" : String.join("+", sources))
        + " every "
        + period.toMillis()
        + " ms, idle "
        + idle.toMillis() / 1000.0
        + " s"
        + (trace == null ? "" : " -> " + trace);
  }
}
