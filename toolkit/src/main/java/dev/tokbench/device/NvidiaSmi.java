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
  private static final Pattern BANNER =
      Pattern.compile("Driver Version:\\s*(\\S+)\\s+CUDA Version:\\s*(\\S+)");

  private NvidiaSmi() {}

  /**
   * What provenance records from {@code nvidia-smi -q}: {@code gpu} (names joined by {@code ; }
   * when several), {@code gpu_count}, {@code gpu_driver}, {@code cuda_version}, {@code gpu_uuid},
   * {@code gpu_vbios}.
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
    return gpus(top, names, uuids, vbios);
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
