package dev.tokbench.cli;

import dev.tokbench.bandwidth.Device;
import dev.tokbench.bandwidth.DeviceCatalog;
import dev.tokbench.run.Machine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tokbench device}: what this machine is (GPU from nvidia-smi, Jetson board from the device
 * tree) and its theoretical memory bandwidth from the device catalogue, the figure every "% of
 * theoretical" of a new run is measured against.
 */
@Command(
    name = "device",
    mixinStandardHelpOptions = true,
    description = {
      "Detect this machine's accelerator and look up its theoretical memory bandwidth",
      "in the device catalogue (data/devices.csv, plus --catalog FILE of your own)."
    })
public final class DeviceCommand implements Callable<Integer> {
  @Option(names = "--catalog", paramLabel = "FILE", description = "extra catalogue CSV")
  Path catalog;

  @Option(names = "--list", description = "print the whole catalogue instead")
  boolean list;

  @Override
  public Integer call() {
    DeviceCatalog devices = DeviceCatalog.builtin();
    if (catalog != null) devices = devices.with(DeviceCatalog.read(catalog));
    if (list) {
      System.out.println(devices.table().printAll());
      return 0;
    }
    Map<String, String> machine = Machine.describe();
    machine.forEach((k, v) -> System.out.println(k + ": " + v));
    List<String> names = candidates(machine);
    Optional<Device> found = match(names, devices);
    if (found.isPresent()) {
      Device d = found.get();
      System.out.println("catalogue: " + d.name());
      System.out.println("theoretical_bandwidth: " + d.theoretical());
      System.out.println("source: " + d.source());
    } else {
      System.out.println(
          "catalogue: no entry for "
              + (names.isEmpty() ? "this machine (no GPU or Jetson board detected)" : names)
              + "; add a row to a CSV with the columns of data/devices.csv and pass --catalog");
    }
    return 0;
  }

  /** The names under which this machine's accelerators may stand in the catalogue. */
  static List<String> candidates(Map<String, String> machine) {
    List<String> names = new ArrayList<>();
    for (String gpu : machine.getOrDefault("gpu", "").split(";")) {
      if (!gpu.isBlank()) names.add(gpu.trim());
    }
    String board = machine.getOrDefault("board", "");
    if (!board.isBlank()) names.add(jetsonName(board, machine.getOrDefault("memory", "")));
    return names;
  }

  /** The first catalogue device that one of the names matches by name or alias. */
  static Optional<Device> match(List<String> names, DeviceCatalog devices) {
    for (String n : names) {
      for (Device d : devices.devices()) if (d.matches(n)) return Optional.of(d);
    }
    return Optional.empty();
  }

  /**
   * The device tree says only "NVIDIA Jetson AGX Orin Developer Kit"; the memory size tells the 64
   * GB module from the 32 GB one (and the Orin NX 16 GB from the 8 GB), which differ in bandwidth
   * for the NX and Nano parts.
   */
  static String jetsonName(String board, String memory) {
    String b = board.toLowerCase(Locale.ROOT);
    double gb = memoryGb(memory);
    if (b.contains("agx orin")) return gb > 40 ? "Jetson AGX Orin 64GB" : "Jetson AGX Orin 32GB";
    if (b.contains("orin nx")) return gb > 10 ? "Jetson Orin NX 16GB" : "Jetson Orin NX 8GB";
    if (b.contains("orin nano")) return gb > 5 ? "Jetson Orin Nano 8GB" : "Jetson Orin Nano 4GB";
    return board;
  }

  /**
   * Decimal GB from /proc/meminfo's "MemTotal: 65536000 kB" (as Machine records it); 0 if unknown.
   */
  static double memoryGb(String memory) {
    String[] parts = memory.trim().split("\\s+");
    try {
      double kib = Double.parseDouble(parts[0]);
      return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? kib * 1024 / 1e9 : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
