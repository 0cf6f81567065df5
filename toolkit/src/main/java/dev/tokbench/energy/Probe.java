package dev.tokbench.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which power sources this machine has, tried in order of preference: NVML, {@code nvidia-smi},
 * {@code tegrastats}, RAPL. Each attempt is recorded with what it found or why it failed, so a
 * result can say which source measured it and why a better one did not. The sources it opened are
 * closed with it.
 *
 * <pre>{@code
 * try (Probe p = Probe.first(SourceConfig.defaults())) {
 *   p.best()  // the best source here, if any
 * }
 * }</pre>
 */
public final class Probe implements AutoCloseable {
  /** The sources, best first. */
  public static final List<String> ORDER = List.of("nvml", "nvidia-smi", "tegrastats", "rapl");

  private final List<Attempt> attempts;
  private final List<PowerSource> opened;

  private Probe(List<Attempt> attempts, List<PowerSource> opened) {
    this.attempts = List.copyOf(attempts);
    this.opened = List.copyOf(opened);
  }

  /** Tries the sources in order and stops at the first that works. */
  public static Probe first(SourceConfig config) {
    return run(config, ORDER, true);
  }

  /** Tries every source (for {@code tokbench energy probe}, or to measure GPU and CPU together). */
  public static Probe all(SourceConfig config) {
    return run(config, ORDER, false);
  }

  /**
   * Tries the named sources in the order given; {@code firstOnly} stops at the first that opens.
   */
  public static Probe of(SourceConfig config, List<String> names, boolean firstOnly) {
    for (String n : names) {
      if (!ORDER.contains(n)) {
        throw new IllegalArgumentException("unknown power source '" + n + "'; known: " + ORDER);
      }
    }
    return run(config, names, firstOnly);
  }

  private static Probe run(SourceConfig config, List<String> names, boolean firstOnly) {
    List<Attempt> attempts = new ArrayList<>();
    List<PowerSource> opened = new ArrayList<>();
    for (String name : names) {
      try {
        PowerSource s = opener(name).apply(config);
        opened.add(s);
        attempts.add(new Attempt(name, true, s.info().detail()));
        if (firstOnly) break;
      } catch (SourceUnavailableException e) {
        attempts.add(new Attempt(name, false, e.getMessage()));
      }
    }
    return new Probe(attempts, opened);
  }

  private static Function<SourceConfig, PowerSource> opener(String name) {
    return switch (name) {
      case "nvml" -> NvmlSource::open;
      case "nvidia-smi" -> NvidiaSmiSource::open;
      case "tegrastats" -> TegrastatsSource::open;
      case "rapl" -> RaplSource::open;
      default -> throw new IllegalArgumentException("unknown power source " + name);
    };
  }

  /** Every source tried, in order. */
  public List<Attempt> attempts() {
    return attempts;
  }

  /** The sources that opened. */
  public List<PowerSource> sources() {
    return opened;
  }

  /** The best source that opened. */
  public Optional<PowerSource> best() {
    return opened.stream().findFirst();
  }

  /** The best source, or an exception that lists why each one failed. */
  public PowerSource require() {
    return best()
        .orElseThrow(
            () ->
                new SourceUnavailableException(
                    "no power source here: "
                        + String.join("; ", attempts.stream().map(Attempt::detail).toList())));
  }

  @Override
  public void close() {
    opened.forEach(PowerSource::close);
  }

  @Override
  public String toString() {
    return String.join("\n", attempts.stream().map(Attempt::toString).toList());
  }
}
