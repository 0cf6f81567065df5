package dev.tokbench.device;

import dev.tokbench.TextFiles;
import dev.tokbench.Version;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a benchmark ran, for the provenance of every row: host, OS, CPU, memory, every GPU (name,
 * memory, bus id, how many of each kind, and with several the links of {@code nvidia-smi topo -m}),
 * driver and CUDA version (from {@code nvidia-smi}), Jetson L4T release (from {@code
 * /etc/nv_tegra_release}) and board model, Java and toolkit version. {@code Machine.describe()}
 * looks now; call it once per sweep, not per row.
 */
public final class Machine {
  private static final Pattern TEGRA =
      Pattern.compile("^# R(\\d+) \\(release\\), REVISION: ([0-9.]+)(?:, GCID: ([^,]+))?.*");

  private Machine() {}

  /** This machine, described now. */
  public static Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("host", host());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("arch", System.getProperty("os.arch"));
    read(Path.of("/etc/os-release")).map(Machine::prettyName).ifPresent(v -> m.put("distro", v));
    read(Path.of("/proc/cpuinfo")).map(Machine::cpuModel).ifPresent(v -> m.put("cpu", v));
    m.put("cpu_count", Integer.toString(Runtime.getRuntime().availableProcessors()));
    read(Path.of("/proc/meminfo")).map(Machine::memTotal).ifPresent(v -> m.put("memory", v));
    m.put("java", System.getProperty("java.version"));
    m.put("toolkit_version", Version.current());
    m.putAll(NvidiaSmi.query());
    if (Integer.parseInt(m.getOrDefault("gpu_count", "0")) > 1) {
      GpuTopology links = NvidiaSmi.topology(); // only where there are links to tell
      if (!links.links().isEmpty()) m.put("gpu_links", links.describe());
    }
    read(Path.of("/etc/nv_tegra_release")).map(Machine::tegraRelease).ifPresent(m::putAll);
    read(Path.of("/proc/device-tree/model"))
        .map(s -> s.replace("\0", "").trim())
        .filter(s -> !s.isEmpty())
        .ifPresent(v -> m.put("board", v));
    return m;
  }

  /**
   * {@code l4t} ({@code R36.4.3}) and {@code l4t_gcid} from the first line of {@code
   * /etc/nv_tegra_release}: {@code # R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic,
   * EABI: aarch64, DATE: ...}.
   */
  public static Map<String, String> tegraRelease(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = TEGRA.matcher(text.lines().findFirst().orElse(""));
    if (m.matches()) {
      out.put("l4t", "R" + m.group(1) + "." + m.group(2));
      if (m.group(3) != null) out.put("l4t_gcid", m.group(3).trim());
    }
    return out;
  }

  static String cpuModel(String cpuinfo) {
    for (String line : (Iterable<String>) cpuinfo.lines()::iterator) {
      // x86 "model name", Arm "Model" or nothing (then "CPU part" identifies the core)
      if (line.startsWith("model name") || line.startsWith("Model")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "";
  }

  private static String memTotal(String meminfo) {
    return meminfo
        .lines()
        .filter(l -> l.startsWith("MemTotal:"))
        .map(l -> l.substring(9).trim())
        .findFirst()
        .orElse("");
  }

  private static String prettyName(String osRelease) {
    return osRelease
        .lines()
        .filter(l -> l.startsWith("PRETTY_NAME="))
        .map(l -> l.substring(12).replace("\"", ""))
        .findFirst()
        .orElse("");
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("");
    }
  }

  /** ISO-8859-1, so that odd bytes in a system file never lose the rest of it. */
  private static Optional<String> read(Path p) {
    return TextFiles.readIfPresent(p, StandardCharsets.ISO_8859_1);
  }
}
