package dev.tokbench.energy;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Jetson's power rails through {@code tegrastats --interval N}, each line stamped as it arrives
 * (its own timestamp has whole seconds only). The board's input rail ({@code VDD_IN}) is the total,
 * the others ({@code VDD_CPU_GPU_CV}, {@code VDD_SOC}) its parts; a board without one (AGX Orin)
 * totals its rails. The power mode and {@code jetson_clocks} go into the provenance.
 */
final class TegrastatsSource extends ProcessSource {
  private final SourceConfig config;
  private final List<String> rails;
  private final Map<String, String> provenance;

  private TegrastatsSource(
      SourceConfig config, List<String> rails, Map<String, String> provenance) {
    this.config = config;
    this.rails = List.copyOf(rails);
    this.provenance = provenance;
  }

  /** Checks that tegrastats runs and prints rails, from one line of it. */
  static TegrastatsSource open(SourceConfig config) {
    if (Programs.find("tegrastats", config.env()).isEmpty()) {
      throw new SourceUnavailableException("no tegrastats: not in PATH (not a Jetson)");
    }
    String[] first = new String[1];
    Process p;
    try {
      p =
          Programs.stream(
              List.of("tegrastats", "--interval", "100"),
              config.env(),
              line -> {
                synchronized (first) {
                  if (first[0] == null) first[0] = line;
                  first.notifyAll();
                }
              });
    } catch (IOException e) {
      throw new SourceUnavailableException("no tegrastats: cannot start: " + e.getMessage(), e);
    }
    String line = firstLine(first, p);
    if (line == null)
      throw new SourceUnavailableException("no tegrastats: it printed nothing in 5 s");
    var rails = TegraLine.railsMw(line);
    if (rails.isEmpty()) {
      throw new SourceUnavailableException(
          "no tegrastats: its lines carry no power rails: " + line);
    }
    return new TegrastatsSource(config, List.copyOf(rails.keySet()), JetsonProvenance.read(config));
  }

  private static String firstLine(String[] first, Process p) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    try {
      synchronized (first) {
        while (first[0] == null && System.nanoTime() < deadline) first.wait(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Programs.kill(p);
    }
    return first[0];
  }

  @Override
  public void start(Duration period, Consumer<PowerSample> sink) {
    ZoneId zone = ZoneId.systemDefault();
    List<String> board = TegraLine.boardRails(rails); // as info() says, for every line
    Consumer<String> onLine =
        line -> {
          Stamp at = Stamp.now();
          try {
            TegraLine.parse(line, zone).ifPresent(t -> t.samples(at, board).forEach(sink));
          } catch (IllegalArgumentException impossibleDate) {
            // stamped on arrival, a live line needs no date of its own: one such line is skipped
            // rather than stopping the run (a listener that throws ends the process)
          }
        };
    launch(
        "tegrastats",
        List.of("tegrastats", "--interval", Long.toString(Math.max(1, period.toMillis()))),
        config.env(),
        onLine);
  }

  @Override
  public SourceInfo info() {
    return new SourceInfo(
        "tegrastats",
        "rails "
            + String.join(", ", rails)
            + ", total = "
            + String.join(" + ", TegraLine.boardRails(rails)),
        rails,
        "rail power in mW, lines stamped on arrival, at --interval period",
        provenance);
  }
}
