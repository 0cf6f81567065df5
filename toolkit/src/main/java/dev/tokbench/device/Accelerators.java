package dev.tokbench.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The names under which a machine's accelerators may stand in the {@link DeviceCatalog}, from what
 * {@link Machine#describe()} recorded: each GPU that {@code nvidia-smi} named, and a Jetson board
 * told apart by its memory.
 */
public final class Accelerators {
  private Accelerators() {}

  /** The candidate catalogue names of the machine {@code machine} describes, GPUs first. */
  public static List<String> names(Map<String, String> machine) {
    List<String> names = new ArrayList<>();
    for (String gpu : machine.getOrDefault("gpu", "").split(";")) {
      if (!gpu.isBlank()) names.add(gpu.trim());
    }
    String board = machine.getOrDefault("board", "");
    if (!board.isBlank()) names.add(jetsonName(board, machine.getOrDefault("memory", "")));
    return names;
  }

  /**
   * How many of each GPU, in the order first seen: {@code 2 × NVIDIA H100 NVL}; with more than one
   * kind {@code mixed: 1 × NVIDIA GeForce RTX 3090, 1 × NVIDIA RTX A5000}, so that a machine of
   * different GPUs is never taken for one of the first.
   */
  public static String kinds(List<String> gpuNames) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String n : gpuNames) counts.merge(n, 1, Integer::sum);
    StringJoiner j = new StringJoiner(", ", counts.size() > 1 ? "mixed: " : "", "");
    counts.forEach((n, c) -> j.add(c + " × " + n));
    return j.toString();
  }

  /**
   * The GPUs {@link Machine#describe()} recorded, one per name in {@code gpu}, with the memory and
   * bus id of {@code gpu_memory} and {@code gpu_bus_id} where those have an entry for each.
   */
  public static List<Gpu> gpus(Map<String, String> machine) {
    List<String> names = split(machine.get("gpu"));
    List<String> memory = split(machine.get("gpu_memory"));
    List<String> bus = split(machine.get("gpu_bus_id"));
    List<String> uuid = split(machine.get("gpu_uuid"));
    List<Gpu> gpus = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      gpus.add(
          new Gpu(
              i,
              names.get(i),
              memory.size() == names.size() ? mib(memory.get(i)) : -1,
              bus.size() == names.size() ? bus.get(i) : "",
              uuid.size() == names.size() ? uuid.get(i) : ""));
    }
    return gpus;
  }

  private static List<String> split(String joined) {
    List<String> out = new ArrayList<>();
    if (joined == null || joined.isBlank()) return out;
    for (String s : joined.split(";")) out.add(s.trim());
    return out;
  }

  private static long mib(String memory) {
    try {
      return Long.parseLong(memory.replace("MiB", "").trim());
    } catch (NumberFormatException e) {
      return -1;
    }
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
