package dev.tokbench.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Jetson's power settings, recorded with its energy: the {@code nvpmodel} mode ({@code nvpmodel
 * -q} prints {@code NV Power Mode: MAXN} then the mode's number) and whether {@code jetson_clocks}
 * is on. {@code jetson_clocks} pins every clock at its maximum by raising each minimum to it, so it
 * is on when the GPU's devfreq {@code min_freq} equals its {@code max_freq} and CPU 0's {@code
 * scaling_min_freq} its {@code scaling_max_freq}; reading that needs no root, unlike {@code
 * jetson_clocks --show}.
 */
final class JetsonProvenance {
  private static final Pattern MODE = Pattern.compile("NV Power Mode:\\s*(\\S+)\\s*\\R\\s*(\\d+)?");

  private JetsonProvenance() {}

  static Map<String, String> read(SourceConfig config) {
    Map<String, String> p = new LinkedHashMap<>();
    Optional<Programs.Output> q =
        Programs.run(List.of("nvpmodel", "-q"), config.env(), Duration.ofSeconds(10));
    p.put(
        "jetson_power_mode",
        q.filter(Programs.Output::ok).map(o -> mode(o.text())).orElse("unknown"));
    p.put("jetson_clocks", jetsonClocks(config.sysRoot()));
    return p;
  }

  /** {@code MAXN (0)} from nvpmodel's answer; {@code unknown} when it has none. */
  static String mode(String text) {
    Matcher m = MODE.matcher(text);
    if (!m.find()) return "unknown";
    return m.group(2) == null ? m.group(1) : m.group(1) + " (" + m.group(2) + ")";
  }

  /** {@code on}, {@code off} or {@code unknown}, from the clock limits under {@code sysRoot}. */
  static String jetsonClocks(Path sysRoot) {
    Path cpu = sysRoot.resolve("sys/devices/system/cpu/cpu0/cpufreq");
    Optional<Boolean> cpuPinned =
        pinned(cpu.resolve("scaling_min_freq"), cpu.resolve("scaling_max_freq"));
    Optional<Boolean> gpuPinned =
        gpuDevfreq(sysRoot).flatMap(d -> pinned(d.resolve("min_freq"), d.resolve("max_freq")));
    if (cpuPinned.isEmpty() && gpuPinned.isEmpty()) return "unknown";
    return cpuPinned.orElse(true) && gpuPinned.orElse(true) ? "on" : "off";
  }

  /** The GPU's devfreq node: {@code 17000000.gpu} (Orin), {@code 57000000.gpu} (Xavier), ... */
  private static Optional<Path> gpuDevfreq(Path sysRoot) {
    Path devfreq = sysRoot.resolve("sys/class/devfreq");
    if (!Files.isDirectory(devfreq)) return Optional.empty();
    try (Stream<Path> s = Files.list(devfreq)) {
      return s.filter(p -> p.getFileName().toString().contains("gpu")).sorted().findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Boolean> pinned(Path min, Path max) {
    try {
      return Optional.of(Files.readString(min).trim().equals(Files.readString(max).trim()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
