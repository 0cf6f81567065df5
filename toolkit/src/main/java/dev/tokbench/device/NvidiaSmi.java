package dev.tokbench.device;

import dev.tokbench.process.Launcher;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPU identity from {@code nvidia-smi}: its {@code -q} report (text), the banner of plain {@code
 * nvidia-smi}, or a {@code --query-gpu} CSV with a header. Parsing is separate from running so the
 * parsers are tested on real captured output.
 */
public final class NvidiaSmi {
  private static final Pattern Q_LINE = Pattern.compile("^(\\s*)([^:]+?)\\s*:\\s*(.*)$");

  /** A GPU's section in {@code -q}: {@code GPU 00000000:AD:00.0} at the left margin. */
  private static final Pattern GPU_SECTION =
      Pattern.compile("^GPU ([0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\\.[0-9A-Fa-f])\\s*$");

  private static final Pattern BANNER =
      Pattern.compile("Driver Version:\\s*(\\S+)\\s+CUDA Version:\\s*(\\S+)");

  private NvidiaSmi() {}

  /**
   * What provenance records from {@code nvidia-smi -q}: {@code gpu} (names joined by {@code ; }
   * when several), {@code gpu_count}, {@code gpu_driver}, {@code cuda_version}, {@code gpu_uuid},
   * {@code gpu_vbios}, and from each GPU's section {@code gpu_memory} ({@code 95830 MiB; 95830
   * MiB}), {@code gpu_bus_id} and {@code gpu_kinds} ({@code 2 × NVIDIA H100 NVL}, or {@code mixed:
   * ...} when they differ).
   */
  public static Map<String, String> parseQuery(String text) {
    Map<String, String> top = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    List<String> uuids = new ArrayList<>();
    String vbios = "";
    for (String line : (Iterable<String>) text.lines()::iterator) {
      Matcher m = Q_LINE.matcher(line);
      if (!m.matches()) continue;
      String key = m.group(2);
      String value = m.group(3).trim();
      boolean topLevel = m.group(1).isEmpty();
      if (topLevel && key.equals("Driver Version")) top.put("gpu_driver", value);
      else if (topLevel && key.equals("CUDA Version")) top.put("cuda_version", value);
      else if (m.group(1).length() == 4 && key.equals("Product Name")) names.add(value);
      else if (m.group(1).length() == 4 && key.equals("GPU UUID")) uuids.add(value);
      else if (m.group(1).length() == 4 && key.equals("VBIOS Version")) vbios = value;
    }
    Map<String, String> out = gpus(top, names, uuids, vbios);
    out.putAll(perGpu(parseGpus(text)));
    return out;
  }

  /**
   * Every GPU of a {@code -q} report, in its order: name, frame-buffer total, bus id (its section's
   * heading) and UUID.
   */
  public static List<Gpu> parseGpus(String text) {
    List<Gpu> gpus = new ArrayList<>();
    GpuSection at = null;
    String section = "";
    for (String line : (Iterable<String>) text.lines()::iterator) {
      Matcher h = GPU_SECTION.matcher(line);
      if (h.matches()) {
        if (at != null) gpus.add(at.gpu(gpus.size()));
        at = new GpuSection(h.group(1));
        section = "";
        continue;
      }
      if (at == null) continue;
      Matcher m = Q_LINE.matcher(line);
      int indent = line.length() - line.stripLeading().length();
      if (!m.matches()) {
        if (indent == 4) section = line.strip();
        continue;
      }
      at.read(indent, section, m.group(2), m.group(3).trim());
    }
    if (at != null) gpus.add(at.gpu(gpus.size()));
    return gpus;
  }

  /** The fields of one GPU's section as they are read. */
  private static final class GpuSection {
    final String busId;
    String name = "";
    String uuid = "";
    long memoryMib = -1;

    GpuSection(String busId) {
      this.busId = busId;
    }

    void read(int indent, String section, String key, String value) {
      if (indent == 4 && key.equals("Product Name")) name = value;
      else if (indent == 4 && key.equals("GPU UUID")) uuid = value;
      else if (indent == 8 && section.equals("FB Memory Usage") && key.equals("Total"))
        memoryMib = mib(value);
    }

    Gpu gpu(int index) {
      return new Gpu(index, name, memoryMib, busId, uuid);
    }

    private static long mib(String value) {
      String[] parts = value.split("\\s+");
      try {
        return parts.length == 2 && parts[1].equals("MiB") ? Long.parseLong(parts[0]) : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }

  private static Map<String, String> perGpu(List<Gpu> gpus) {
    Map<String, String> out = new LinkedHashMap<>();
    if (gpus.isEmpty()) return out;
    out.put("gpu_kinds", Accelerators.kinds(gpus.stream().map(Gpu::name).toList()));
    if (gpus.stream().allMatch(g -> g.memoryMib() >= 0))
      out.put("gpu_memory", join(gpus, g -> g.memoryMib() + " MiB"));
    out.put("gpu_bus_id", join(gpus, Gpu::busId));
    return out;
  }

  private static String join(List<Gpu> gpus, java.util.function.Function<Gpu, String> field) {
    return String.join("; ", gpus.stream().map(field).toList());
  }

  /**
   * The links of {@code nvidia-smi topo -m} run here; no links when there is no such command, it
   * fails, or there is one GPU.
   */
  public static GpuTopology topology() {
    StringBuilder out = new StringBuilder();
    ProcessOutcome o =
        Launcher.run(
            ProcessSpec.of("nvidia-smi", "topo", "-m").withTimeout(Duration.ofSeconds(20)),
            line -> out.append(line).append('\n'));
    return o.succeeded() ? GpuTopology.parse(out.toString()) : new GpuTopology(List.of());
  }

  /** {@code gpu_driver} and {@code cuda_version} from the banner of plain {@code nvidia-smi}. */
  public static Map<String, String> parseBanner(String text) {
    Matcher m = BANNER.matcher(text);
    Map<String, String> out = new LinkedHashMap<>();
    if (m.find()) {
      out.put("gpu_driver", m.group(1));
      out.put("cuda_version", m.group(2));
    }
    return out;
  }

  /**
   * Rows of a {@code --query-gpu=... --format=csv} output, keyed by the header's field names
   * without units ({@code memory.total [MiB]} becomes {@code memory.total}).
   */
  public static List<Map<String, String>> parseCsv(String text) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    List<Map<String, String>> rows = new ArrayList<>();
    if (lines.isEmpty()) return rows;
    List<String> names = new ArrayList<>();
    for (String h : lines.get(0).split(",")) names.add(h.replaceAll("\\[.*]", "").trim());
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < Math.min(names.size(), cells.length); i++)
        row.put(names.get(i), cells[i].trim());
      rows.add(row);
    }
    return rows;
  }

  /** Runs {@code nvidia-smi -q} here; empty when there is no such command or it fails. */
  public static Map<String, String> query() {
    StringBuilder out = new StringBuilder();
    ProcessOutcome o =
        Launcher.run(
            ProcessSpec.of("nvidia-smi", "-q").withTimeout(Duration.ofSeconds(20)),
            line -> out.append(line).append('\n'));
    return o.succeeded() ? parseQuery(out.toString()) : Map.of();
  }

  private static Map<String, String> gpus(
      Map<String, String> top, List<String> names, List<String> uuids, String vbios) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!names.isEmpty()) {
      out.put("gpu", String.join("; ", names));
      out.put("gpu_count", Integer.toString(names.size()));
    }
    out.putAll(top);
    if (!uuids.isEmpty()) out.put("gpu_uuid", String.join("; ", uuids));
    if (!vbios.isEmpty()) out.put("gpu_vbios", vbios);
    return out;
  }
}
