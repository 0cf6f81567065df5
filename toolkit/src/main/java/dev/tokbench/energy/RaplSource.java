package dev.tokbench.energy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU energy from RAPL through Linux's powercap tree: {@code intel-rapl:N} zones (which AMD's Zen
 * CPUs use too, through the same driver) and {@code amd-rapl:N} where a kernel names them so. The
 * total is each package plus its DRAM zone (DRAM is metered apart from the package on servers);
 * core and uncore are parts of their package. A {@code psys} zone, where present, covers the whole
 * SoC and is the total alone. The {@code -mmio} duplicates of package zones are skipped.
 */
final class RaplSource implements PolledSource {
  private static final Pattern ZONE = Pattern.compile("(intel|amd)-rapl(:\\d+)+");

  private final List<RaplZone> zones;
  private final Path root;

  private RaplSource(Path root, List<RaplZone> zones) {
    this.root = root;
    this.zones = List.copyOf(zones);
  }

  static RaplSource open(SourceConfig config) {
    Path root = config.powercapRoot();
    if (!Files.isDirectory(root)) {
      throw new SourceUnavailableException(
          "no RAPL: " + root + " does not exist (no powercap driver)");
    }
    List<Path> dirs = zoneDirs(root);
    if (dirs.isEmpty())
      throw new SourceUnavailableException("no RAPL: no intel-rapl or amd-rapl zone in " + root);
    try {
      List<RaplZone> zones = zones(dirs);
      RaplSource s = new RaplSource(root, zones);
      for (RaplZone z : zones) {
        if (z.joules().isEmpty()) {
          throw new SourceUnavailableException(
              "no RAPL: cannot read " + z.dir().resolve("energy_uj"));
        }
      }
      return s;
    } catch (AccessDeniedException e) {
      throw new SourceUnavailableException(
          "no RAPL: "
              + e.getFile()
              + " is readable by root only (Linux 5.10 and later, since the"
              + " Platypus attack): run as root, or make energy_uj readable",
          e);
    } catch (IOException e) {
      throw new SourceUnavailableException("no RAPL: cannot read " + e.getMessage(), e);
    }
  }

  private static List<Path> zoneDirs(Path root) {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> ZONE.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new SourceUnavailableException(
          "no RAPL: cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  private static List<RaplZone> zones(List<Path> dirs) throws IOException {
    Map<String, String> names = new LinkedHashMap<>();
    for (Path d : dirs) names.put(d.getFileName().toString(), RaplZone.read(d.resolve("name")));
    boolean psys = names.containsValue("psys");
    List<RaplZone> out = new ArrayList<>();
    for (Path d : dirs) {
      String id = d.getFileName().toString();
      String name = names.get(id);
      boolean top = id.indexOf(':') == id.lastIndexOf(':');
      String parent = top ? null : names.get(id.substring(0, id.lastIndexOf(':')));
      boolean inTotal = psys ? name.equals("psys") : top || name.equals("dram");
      long range = Long.parseLong(RaplZone.read(d.resolve("max_energy_range_uj")));
      Files.readString(d.resolve("energy_uj")); // fails here, with the path, when not readable
      out.add(new RaplZone(d, parent == null ? name : parent + "/" + name, inTotal, range));
    }
    return out;
  }

  @Override
  public List<PowerSample> poll(Stamp at) {
    List<PowerSample> out = new ArrayList<>();
    for (RaplZone z : zones) {
      z.joules()
          .ifPresent(
              j ->
                  out.add(
                      new PowerSample(
                          at, "rapl", z.channel(), z.inTotal(), Double.NaN, j, Readings.NONE)));
    }
    return out;
  }

  @Override
  public SourceInfo info() {
    List<String> channels = zones.stream().map(RaplZone::channel).toList();
    List<String> total = zones.stream().filter(RaplZone::inTotal).map(RaplZone::channel).toList();
    return new SourceInfo(
        "rapl",
        zones.size() + " zones in " + root + ", total = " + String.join(" + ", total),
        channels,
        "energy counter in uJ (updated about every 1 ms), read each period",
        Map.of("energy_rapl_zones", String.join("; ", channels)));
  }

  @Override
  public void close() {}
}
