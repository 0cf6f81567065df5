package dev.tokbench.energy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * NVIDIA GPUs through {@code nvidia-smi --query-gpu=... --format=csv,nounits -lms N} run as a
 * process: NVML's fallback where the library cannot be loaded into the JVM. Its rows carry their
 * own timestamps (local time, milliseconds), which place the samples; {@code power.draw.instant} is
 * queried where the driver knows it (R535 and later), else {@code power.draw}.
 */
final class NvidiaSmiSource extends ProcessSource {
  static final String READINGS = "clocks.sm,clocks.mem,temperature.gpu,utilization.gpu,memory.used";

  private final Map<String, String> env;
  private final String power;
  private final List<String> gpus;

  private NvidiaSmiSource(Map<String, String> env, String power, List<String> gpus) {
    this.env = env;
    this.power = power;
    this.gpus = List.copyOf(gpus);
  }

  static NvidiaSmiSource open(SourceConfig config) {
    if (Programs.find("nvidia-smi", config.env()).isEmpty()) {
      throw new SourceUnavailableException("no nvidia-smi: not in PATH");
    }
    String why = "";
    for (String field : List.of("power.draw.instant", "power.draw")) {
      Optional<Programs.Output> out =
          Programs.run(
              List.of(
                  "nvidia-smi", "--query-gpu=index,name," + field, "--format=csv,noheader,nounits"),
              config.env(),
              Duration.ofSeconds(20));
      if (out.isPresent() && out.get().ok()) return checked(config, field, out.get().text());
      why = out.map(Programs.Output::firstLine).orElse("did not start");
    }
    throw new SourceUnavailableException("no nvidia-smi: --query-gpu failed: " + why);
  }

  private static NvidiaSmiSource checked(SourceConfig config, String field, String text) {
    List<String> gpus = new ArrayList<>();
    for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
      String[] c = line.split(",");
      String value = c[c.length - 1].trim();
      try {
        Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new SourceUnavailableException(
            "no nvidia-smi: " + field + " of GPU " + c[0].trim() + " is " + value);
      }
      gpus.add(c.length > 2 ? c[1].trim() : "GPU " + c[0].trim());
    }
    if (gpus.isEmpty()) throw new SourceUnavailableException("no nvidia-smi: it lists no GPU");
    return new NvidiaSmiSource(config.env(), field, gpus);
  }

  @Override
  public void start(Duration period, Consumer<PowerSample> sink) {
    Stamp anchor = Stamp.now();
    ZoneId zone = ZoneId.systemDefault(); // nvidia-smi prints this machine's local time
    NvidiaSmiCsv[] header = new NvidiaSmiCsv[1];
    long[] number = {0};
    Consumer<String> onLine =
        line -> {
          number[0]++;
          if (header[0] == null) {
            header[0] = NvidiaSmiCsv.header(line, power, "nvidia-smi");
            return;
          }
          header[0]
              .row(line, number[0], zone, "nvidia-smi")
              .ifPresent(r -> sink.accept(Traces.sample(r, onAxis(anchor, r.epochMs()))));
        };
    List<String> cmd =
        List.of(
            "nvidia-smi",
            "--query-gpu=index,timestamp," + power + "," + READINGS,
            "--format=csv,nounits",
            "-lms",
            Long.toString(Math.max(1, period.toMillis())));
    launch("nvidia-smi", cmd, env, onLine);
  }

  /** A row's own wall-clock time, placed on the sampler's monotonic axis. */
  private static Stamp onAxis(Stamp anchor, long epochMs) {
    return new Stamp(epochMs, anchor.monoNs() + (epochMs - anchor.epochMs()) * 1_000_000L);
  }

  @Override
  public SourceInfo info() {
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < gpus.size(); i++) channels.add("gpu" + i);
    return new SourceInfo(
        "nvidia-smi",
        gpus.size() + (gpus.size() == 1 ? " GPU: " : " GPUs: ") + String.join(", ", gpus),
        channels,
        power + " in W (0.01 W), its own timestamps to the ms, at -lms period",
        Map.of("energy_nvidia_smi_field", power));
  }
}
