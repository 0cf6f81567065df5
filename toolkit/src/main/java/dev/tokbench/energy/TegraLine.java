package dev.tokbench.energy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What energy needs from one line of Jetson's {@code tegrastats}: its power rails, its timestamp
 * where it has one, and the GPU's clock, load and temperature. Rails come as {@code VDD_IN
 * 14025/14416} (L4T 32: current/average mW), {@code POM_5V_IN 2545/2547} (Nano), {@code VDD_IN
 * 5000mW/5000mW} or {@code VDD_GPU_SOC 5139mW/5139mW/5139mW} (current/average/max, JetPack 5 to 7);
 * L4T 34 and later start the line with {@code MM-dd-yyyy HH:mm:ss}, to the second.
 *
 * @param epochMs the line's own timestamp, absent before L4T 34
 * @param railsMw rail name to current power, milliwatts, in the line's order
 * @param readings the GPU's clock ({@code GR3D_FREQ 12%@1300}), load and temperature
 */
record TegraLine(OptionalLong epochMs, Map<String, Double> railsMw, Readings readings) {
  /** Whole-board input rails, in order of preference: Orin NX/Nano and TX2, Nano, Thor. */
  static final List<String> BOARD_RAILS = List.of("VDD_IN", "POM_5V_IN", "VIN");

  // NAME current[mW]/average[mW][/max[mW]], not followed by a unit such as RAM's "MB"
  static final Pattern RAIL =
      Pattern.compile(
          "\\b([A-Z][A-Z0-9_]*) (\\d+)(?:mW)?/(\\d+)(?:mW)?(?:/(\\d+)(?:mW)?)?(?![0-9A-Za-z])");
  private static final Pattern TIME =
      Pattern.compile("^(\\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d:\\d\\d) ");
  private static final DateTimeFormatter TIME_FORMAT =
      DateTimeFormatter.ofPattern("MM-dd-yyyy HH:mm:ss", Locale.ROOT);
  private static final Pattern GR3D = Pattern.compile("\\bGR3D_FREQ (?:(\\d+)%)?(?:@\\[?(\\d+))?");
  private static final Pattern GPU_TEMP = Pattern.compile("\\b(?:GPU|gpu)@(-?\\d+(?:\\.\\d+)?)C");

  TegraLine {
    railsMw = Collections.unmodifiableMap(new LinkedHashMap<>(railsMw));
  }

  /** The line's fields; empty when it is not a tegrastats line (no RAM and no rails). */
  static Optional<TegraLine> parse(String line, ZoneId zone) {
    Map<String, Double> rails = railsMw(line);
    if (!isTegrastats(line, rails)) return Optional.empty();
    Matcher t = TIME.matcher(line);
    OptionalLong epoch =
        t.find() ? OptionalLong.of(epochMs(t.group(1), zone)) : OptionalLong.empty();
    return Optional.of(new TegraLine(epoch, rails, readings(line)));
  }

  /**
   * Whether the line is tegrastats' (RAM or rails), without reading its time: sniffing a file must
   * not throw for a first line whose date does not exist (month 63, found by fuzzing); reading it
   * then fails at its line.
   */
  static boolean isTegrastats(String line) {
    return isTegrastats(line, railsMw(line));
  }

  private static boolean isTegrastats(String line, Map<String, Double> rails) {
    return !rails.isEmpty() || line.contains("RAM ");
  }

  /**
   * The line's time; a date that does not exist (day 32, found by fuzzing) is refused with what it
   * read, for the caller to place at its line.
   */
  private static long epochMs(String time, ZoneId zone) {
    try {
      return LocalDateTime.parse(time, TIME_FORMAT).atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("timestamp '" + time + "' is not a date (MM-dd-yyyy)", e);
    }
  }

  /** Every rail's current power in milliwatts. */
  static Map<String, Double> railsMw(String line) {
    Map<String, Double> out = new LinkedHashMap<>();
    Matcher m = RAIL.matcher(line);
    while (m.find()) out.put(m.group(1), Double.parseDouble(m.group(2)));
    return out;
  }

  /**
   * The rails that count towards the board's total: its input rail where it has one, else (AGX
   * Orin, AGX Xavier) every rail, whose sum is the module's power.
   */
  static List<String> boardRails(List<String> rails) {
    for (String b : BOARD_RAILS) if (rails.contains(b)) return List.of(b);
    return List.copyOf(rails);
  }

  private static Readings readings(String line) {
    Matcher g = GR3D.matcher(line);
    boolean gpu = g.find();
    Matcher temp = GPU_TEMP.matcher(line);
    return new Readings(
        gpu && g.group(2) != null ? Double.parseDouble(g.group(2)) : Double.NaN,
        Double.NaN,
        temp.find() ? Double.parseDouble(temp.group(1)) : Double.NaN,
        gpu && g.group(1) != null ? Double.parseDouble(g.group(1)) : Double.NaN,
        Double.NaN);
  }

  /** This line's samples at {@code stamp}: one per rail, the board's rails in the total. */
  List<PowerSample> samples(Stamp stamp) {
    return samples(stamp, boardRails(List.copyOf(railsMw.keySet())));
  }

  /**
   * This line's samples at {@code stamp}, with {@code board} (chosen for the whole log or source,
   * see {@link #boardRails}) in the total: a line that lacks a rail the others have (cut short, or
   * garbled) must not move a rail into or out of the total.
   */
  List<PowerSample> samples(Stamp stamp, List<String> board) {
    String first = railsMw.keySet().stream().filter(board::contains).findFirst().orElse(null);
    return railsMw.entrySet().stream()
        .map(
            r ->
                new PowerSample(
                    stamp,
                    "tegrastats",
                    r.getKey(),
                    board.contains(r.getKey()),
                    r.getValue() / 1000.0,
                    Double.NaN,
                    r.getKey().equals(first) ? readings : Readings.NONE))
        .toList();
  }
}
