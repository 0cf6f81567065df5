package dev.tokbench.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A powercap tree in a temporary folder, laid out as Linux's /sys/class/powercap. */
final class FakePowercap {
  private FakePowercap() {}

  /** A zone folder with its name, counter and range. */
  static Path zone(Path root, String id, String name, long energyUj, long rangeUj)
      throws IOException {
    Path d = Files.createDirectories(root.resolve(id));
    Files.writeString(d.resolve("name"), name + "\n");
    Files.writeString(d.resolve("max_energy_range_uj"), rangeUj + "\n");
    set(root, id, energyUj);
    return d;
  }

  /** Sets a zone's counter, as the hardware advances it. */
  static void set(Path root, String id, long energyUj) throws IOException {
    Files.writeString(root.resolve(id).resolve("energy_uj"), energyUj + "\n");
  }

  /** One package with core and DRAM zones, and the mmio duplicate the driver also lists. */
  static Path oneSocket(Path root, long energyUj, long rangeUj) throws IOException {
    Files.createDirectories(root);
    zone(root, "intel-rapl:0", "package-0", energyUj, rangeUj);
    zone(root, "intel-rapl:0:0", "core", energyUj / 2, rangeUj);
    zone(root, "intel-rapl:0:1", "dram", energyUj / 10, rangeUj);
    zone(root, "intel-rapl-mmio:0", "package-0", energyUj, rangeUj);
    Files.createDirectories(root.resolve("intel-rapl")); // the control type, not a zone
    return root;
  }
}
