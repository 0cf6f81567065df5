package dev.tokbench.energy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lines of {@code nvidia-smi --query-gpu=timestamp,power.draw,... --format=csv[,nounits] [-lms
 * N]}: a header naming the fields (with units in brackets, {@code power.draw [W]}), then one row
 * per GPU per sample, its cells with units ({@code 79.88 W}) unless {@code nounits}. The timestamp
 * is the recording machine's local time ({@code 2026/11/25 04:09:01.957}). Several GPUs are told
 * apart by an {@code index} (or {@code uuid}, {@code pci.bus_id}) column.
 */
final class NvidiaSmiCsv {
  /** Integrated in this order of preference: an instantaneous reading beats a 1 s average. */
  static final List<String> POWER_COLUMNS =
      List.of("power.draw.instant", "power.draw", "power.draw.average");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss[.SSS]", Locale.ROOT);

  /** One row: a GPU's power and readings at a time. */
  record Row(long epochMs, String channel, double watts, Readings readings) {}

  private final List<String> names;
  private final String power;
  private final int time;
  private final int watts;
  private final int id;

  private NvidiaSmiCsv(List<String> names, String power) {
    this.names = names;
    this.power = power;
    this.time = names.indexOf("timestamp");
    this.watts = names.indexOf(power);
    this.id = firstOf("index", "uuid", "pci.bus_id");
  }

  /** True when {@code line} is such a header. */
  static boolean isHeader(String line) {
    List<String> n = names(line);
    return n.contains("timestamp") && n.stream().anyMatch(POWER_COLUMNS::contains);
  }

  /** Reads the header; {@code column} picks the power field, {@code null} the preferred one. */
  static NvidiaSmiCsv header(String line, String column, String file) {
    List<String> n = names(line);
    String chosen =
        column != null
            ? column
            : POWER_COLUMNS.stream().filter(n::contains).findFirst().orElse(null);
    if (!n.contains("timestamp") || chosen == null || !n.contains(chosen)) {
      throw new TraceFormatException(
          file,
          1,
          "an nvidia-smi CSV needs timestamp and "
              + (column != null ? column : String.join(" or ", POWER_COLUMNS))
              + " columns; this one has "
              + n);
    }
    return new NvidiaSmiCsv(n, chosen);
  }

  private static List<String> names(String line) {
    List<String> out = new ArrayList<>();
    for (String h : line.split(",")) out.add(h.replaceAll("\\[.*]", "").trim());
    return out;
  }

  /** The power field integrated. */
  String powerColumn() {
    return power;
  }

  /** One data line; empty when its power cell has no value ({@code [N/A]}). */
  Optional<Row> row(String line, long number, ZoneId zone, String file) {
    String[] cells = line.split(",", -1);
    if (cells.length < names.size()) {
      throw new TraceFormatException(
          file,
          number,
          "expected " + names.size() + " cells as the header has, got " + cells.length);
    }
    double w = value(cells, watts);
    if (Double.isNaN(w)) return Optional.empty();
    String channel = id < 0 ? "gpu" : "gpu" + cells[id].trim();
    return Optional.of(
        new Row(epochMs(cells[time].trim(), zone, number, file), channel, w, readings(cells)));
  }

  private Readings readings(String[] cells) {
    return new Readings(
        value(cells, firstOf("clocks.current.sm", "clocks.sm")),
        value(cells, firstOf("clocks.current.memory", "clocks.mem")),
        value(cells, firstOf("temperature.gpu")),
        value(cells, firstOf("utilization.gpu")),
        value(cells, firstOf("memory.used")));
  }

  private int firstOf(String... fields) {
    for (String f : fields) if (names.contains(f)) return names.indexOf(f);
    return -1;
  }

  /** A cell's number without its unit ({@code 79.88 W}); NaN for {@code [N/A]} and the like. */
  private static double value(String[] cells, int i) {
    if (i < 0) return Double.NaN;
    String c = cells[i].trim();
    int space = c.indexOf(' ');
    if (space > 0) c = c.substring(0, space);
    try {
      return Double.parseDouble(c);
    } catch (NumberFormatException e) {
      return Double.NaN; // [N/A], [Not Supported], [Unknown Error]
    }
  }

  private static long epochMs(String cell, ZoneId zone, long number, String file) {
    try {
      return LocalDateTime.parse(cell, TIME).atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new TraceFormatException(
          file, number, "timestamp '" + cell + "' is not nvidia-smi's yyyy/MM/dd HH:mm:ss.SSS");
    }
  }
}
