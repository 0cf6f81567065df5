package dev.tokbench.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
