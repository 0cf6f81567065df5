package dev.tokbench.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of Jetson's {@code tegrastats}, the fields a benchmark needs: RAM, the external memory
 * controller ({@code EMC_FREQ}) and GPU ({@code GR3D_FREQ}) load and clock, temperatures and the
 * power rails. The line's format differs between boards and L4T releases: GR3D as {@code 12%@1300}
 * or, on JetPack 7, {@code 12%@[1300,1300]} (one clock per GPC); rails as {@code VDD_IN
 * 14025/14416} (L4T 32), {@code VDD_IN 5000mW/5000mW} (current/average) or {@code VDD_GPU_SOC
 * 5139mW/5139mW/5139mW} (current/average/max); temperatures as {@code GPU@51C} or {@code
 * gpu@47.625C/47.625C}. Unknown fields are ignored; absent ones are NaN or missing from the maps.
 *
 * @param ramUsedMb RAM in use, MB
 * @param ramTotalMb RAM available to applications, MB
 * @param emcPercent memory controller load, percent of its current clock
 * @param emcMhz memory controller clock
 * @param gr3dPercent GPU load, percent of its current clock (NaN on Thor, which prints none)
 * @param gr3dMhz GPU clock (the first GPC's)
 * @param temperaturesC sensor name to degrees Celsius (current value)
 * @param powerMw rail name to current power in milliwatts
 */
public record TegraSample(
    double ramUsedMb,
    double ramTotalMb,
    double emcPercent,
    double emcMhz,
    double gr3dPercent,
    double gr3dMhz,
    Map<String, Double> temperaturesC,
    Map<String, Double> powerMw) {
  private static final Pattern RAM = Pattern.compile("\\bRAM (\\d+)/(\\d+)MB");
  private static final Pattern EMC = Pattern.compile("\\bEMC_FREQ (\\d+)%(?:@(\\d+))?");
  private static final Pattern GR3D = Pattern.compile("\\bGR3D_FREQ (?:(\\d+)%)?@\\[?(\\d+)");
  private static final Pattern TEMPERATURE =
      Pattern.compile("\\b([A-Za-z][A-Za-z0-9_]*)@(-?\\d+(?:\\.\\d+)?)C\\b");
  // NAME current[mW]/average[mW][/max[mW]], not followed by a unit such as RAM's "MB"
  private static final Pattern RAIL =
      Pattern.compile(
          "\\b([A-Z][A-Z0-9_]*) (\\d+)(?:mW)?/(\\d+)(?:mW)?(?:/(\\d+)(?:mW)?)?(?![0-9A-Za-z])");

  public TegraSample {
    temperaturesC = Collections.unmodifiableMap(new LinkedHashMap<>(temperaturesC));
    powerMw = Collections.unmodifiableMap(new LinkedHashMap<>(powerMw));
  }

  /** Parses one line; a line with none of the known fields gives a sample of NaNs. */
  public static TegraSample parse(String line) {
    Objects.requireNonNull(line, "line");
    Matcher ram = RAM.matcher(line);
    boolean hasRam = ram.find();
    Matcher emc = EMC.matcher(line);
    boolean hasEmc = emc.find();
    Matcher gr3d = GR3D.matcher(line);
    boolean hasGr3d = gr3d.find();
    return new TegraSample(
        hasRam ? Double.parseDouble(ram.group(1)) : Double.NaN,
        hasRam ? Double.parseDouble(ram.group(2)) : Double.NaN,
        hasEmc ? Double.parseDouble(emc.group(1)) : Double.NaN,
        hasEmc ? number(emc.group(2)) : Double.NaN,
        hasGr3d ? number(gr3d.group(1)) : Double.NaN,
        hasGr3d ? number(gr3d.group(2)) : Double.NaN,
        temperatures(line),
        rails(line));
  }

  /** True when the line carried at least one field tegrastats prints. */
  public boolean isEmpty() {
    return Double.isNaN(ramUsedMb)
        && Double.isNaN(emcPercent)
        && Double.isNaN(gr3dMhz)
        && temperaturesC.isEmpty()
        && powerMw.isEmpty();
  }

  private static Map<String, Double> temperatures(String line) {
    Map<String, Double> out = new LinkedHashMap<>();
    Matcher m = TEMPERATURE.matcher(line);
    while (m.find()) out.put(m.group(1), Double.parseDouble(m.group(2)));
    return out;
  }

  private static Map<String, Double> rails(String line) {
    Map<String, Double> out = new LinkedHashMap<>();
    Matcher m = RAIL.matcher(line);
    while (m.find()) out.put(m.group(1), Double.parseDouble(m.group(2)));
    return out;
  }

  private static double number(String s) {
    return s == null ? Double.NaN : Double.parseDouble(s);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "GR3D %.0f%%@%.0f MHz, EMC %.0f%%, RAM %.0f/%.0f MB, %d rails, %d temperatures",
        gr3dPercent,
        gr3dMhz,
        emcPercent,
        ramUsedMb,
        ramTotalMb,
        powerMw.size(),
        temperaturesC.size());
  }
}
