package dev.tokbench.memory;

import dev.tokbench.memory.BufferSize.Component;
import dev.tokbench.synth.Shapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The estimate beside llama.cpp's own measurement, per device and component, for every
 * configuration of a log that {@code scripts/gpu/memory-matrix.sh} (or the H200 fixture) wrote: the
 * section header names a synthetic model ({@code llama-3.2-1b-Q4_K_M}) and the settings ({@code
 * c=}, {@code ctk=}, {@code ctv=}, {@code ngl=}, {@code np=}, {@code fa=}); unstated settings are
 * those the runs used: {@code -ngl 99 -fa on -np 1}. A run without a GPU is estimated for the CPU
 * alone and compared on its KV and compute buffers only: the CPU backend repacks some weights into
 * {@code CPU_REPACK} depending on the CPU's instruction set, which is not modelled.
 */
public final class MemoryComparison {
  private static final List<String> COMPONENTS = List.of("model", "kv", "compute");

  private MemoryComparison() {}

  /** Every section with a breakdown table that names a model of the synth catalogue. */
  public static List<ComponentError> of(MemoryLog log) {
    return of(log, null);
  }

  /**
   * Every section with a breakdown table, each model read from {@code models/<model>.gguf} when
   * that file exists (only its header is read) and otherwise from the synth catalogue.
   */
  public static List<ComponentError> of(MemoryLog log, Path models) {
    List<ComponentError> out = new ArrayList<>();
    for (MemorySection s : log.sections()) {
      if (s.breakdown("Host").isEmpty()) continue;
      Optional<Memory> m = model(s, models);
      if (m.isPresent()) out.addAll(of(s, configure(m.get(), s).plan()));
    }
    return out;
  }

  private static Optional<Memory> model(MemorySection s, Path models) {
    Path file = models == null ? null : models.resolve(s.model() + ".gguf");
    if (file != null && Files.isRegularFile(file)) return Optional.of(Memory.of(file));
    return shapeOf(s.model()).map(st -> Memory.shape(st[0], st[1]));
  }

  /** One section against one estimate: model, kv, compute and self of the GPU and the host. */
  public static List<ComponentError> of(MemorySection s, MemoryPlan plan) {
    List<ComponentError> out = new ArrayList<>();
    boolean gpu = plan.device("CUDA0").isPresent();
    for (DeviceMemory d : plan.devices()) {
      double[] measured = new double[3];
      double[] estimated = {mib(d.modelBytes()), mib(d.kvBytes()), mib(d.computeBytes())};
      Optional<MeasuredBreakdown> row = s.breakdown(d.device());
      long[] table =
          row.map(r -> new long[] {r.modelMib(), r.contextMib(), r.computeMib(), r.selfMib()})
              .orElse(new long[] {-1, -1, -1, -1});
      for (int i = 0; i < 3; i++) {
        measured[i] = measured(s, Component.values()[i], d.device());
        if (gpu || i > 0) {
          out.add(
              ComponentError.of(
                  s.label(), d.device(), COMPONENTS.get(i), estimated[i], measured[i], table[i]));
        }
      }
      if (gpu) {
        out.add(
            ComponentError.of(
                s.label(), d.device(), "self", sum(estimated), sum(measured), table[3]));
      }
    }
    return out;
  }

  /** The estimate a section's header describes. */
  public static Memory estimateFor(MemorySection s) {
    String[] shapeType =
        shapeOf(s.model())
            .orElseThrow(
                () ->
                    new UnsupportedModelException(
                        "section '" + s.label() + "' names no model of the synth catalogue"));
    return configure(Memory.shape(shapeType[0], shapeType[1]), s);
  }

  /** The settings of a section's header, on a GPU if the run had one. */
  static Memory configure(Memory model, MemorySection s) {
    Map<String, String> k = s.settings();
    String ctk = k.getOrDefault("ctk", "f16");
    Memory m =
        model
            .allowLongContext()
            .ctx(Integer.parseInt(k.getOrDefault("c", "0")))
            .cacheTypes(ctk, k.getOrDefault("ctv", ctk))
            .flashAttention(!k.getOrDefault("fa", "on").equals("off"))
            .parallel(Integer.parseInt(k.getOrDefault("np", "1")));
    int ngl = Integer.parseInt(k.getOrDefault("ngl", "99"));
    m = m.gpuLayers(ngl > m.model().layers() ? MemoryOptions.ALL_LAYERS : ngl);
    return s.buffers().stream().anyMatch(b -> b.buffer().startsWith("CUDA")) ? m : m.cpuOnly();
  }

  /**
   * {@code llama-3.2-1b-Q4_K_M} as {@code {"llama-3.2-1b", "Q4_K_M"}}: the longest shape prefix.
   */
  static Optional<String[]> shapeOf(String model) {
    return Shapes.names().stream()
        .filter(n -> model.startsWith(n + "-") && model.length() > n.length() + 1)
        .max(Comparator.comparingInt(String::length))
        .map(n -> new String[] {n, model.substring(n.length() + 1)});
  }

  /** The last size of each buffer of one component on one device, added up. */
  private static double measured(MemorySection s, Component c, String device) {
    double total = 0;
    for (String name :
        s.buffers().stream()
            .filter(b -> b.component() == c)
            .map(MeasuredBuffer::buffer)
            .distinct()
            .toList()) {
      boolean gpu = name.startsWith("CUDA") && !name.endsWith("_Host");
      if (gpu == device.equals("CUDA0")) total += s.buffer(c, name).orElseThrow().mib();
    }
    return total;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static double sum(double[] v) {
    return v[0] + v[1] + v[2];
  }
}
