package dev.tokbench.memory;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model needs to run in llama.cpp with given settings: every buffer llama.cpp would
 * allocate, the total per device (the GPU first, the host last), and, when the device's memory is
 * known, whether it fits and how far the context and {@code -ngl} could go. In a notebook it shows
 * as a table ({@link #markdown()}).
 *
 * @param model what the model was read from
 * @param options the settings
 * @param gpu the device estimated for
 * @param context cells in the KV cache ({@code n_ctx}, padded to 256)
 * @param gpuLayers {@code -ngl} resolved ({@code n_layer + 1} is everything)
 * @param offloadedLayers repeating layers on the GPU
 * @param layers repeating layers in the model
 * @param buffers every buffer, as llama.cpp's log lists them
 * @param devices per device, the GPU first and the host last
 * @param fit the fit check, when the device's memory is known
 */
public record MemoryPlan(
    String model,
    MemoryOptions options,
    String gpu,
    long context,
    int gpuLayers,
    int offloadedLayers,
    int layers,
    List<BufferSize> buffers,
    List<DeviceMemory> devices,
    Optional<FitCheck> fit) {
  public MemoryPlan {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(gpu, "gpu");
    buffers = List.copyOf(buffers);
    devices = List.copyOf(devices);
    Objects.requireNonNull(fit, "fit");
  }

  /** The device of this name ({@code CUDA0}, {@code Host}). */
  public Optional<DeviceMemory> device(String name) {
    return devices.stream().filter(d -> d.device().equalsIgnoreCase(name)).findFirst();
  }

  /** The host's memory: always the last device. */
  public DeviceMemory host() {
    return devices.get(devices.size() - 1);
  }

  /** The buffer of this component and name, if llama.cpp would allocate one. */
  public Optional<BufferSize> buffer(BufferSize.Component c, String name) {
    return buffers.stream().filter(b -> b.component() == c && b.buffer().equals(name)).findFirst();
  }

  /** A Markdown table: one row per device, in MiB, then the fit. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("**")
        .append(model)
        .append("** on ")
        .append(gpu)
        .append(", `")
        .append(options)
        .append("`: context ")
        .append(context)
        .append(", ")
        .append(offloadedLayers)
        .append("/")
        .append(layers)
        .append(" layers on the GPU\n\n");
    out.append("| device | model MiB | KV MiB | compute MiB | output MiB | total MiB |\n");
    out.append("|---|---:|---:|---:|---:|---:|\n");
    for (DeviceMemory d : devices) {
      out.append(
          String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", d.mibRow()));
    }
    fit.ifPresent(f -> out.append("\n").append(f).append('\n'));
    return out.toString();
  }

  static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  @Override
  public String toString() {
    String fits = fit.map(f -> f.fits() ? ", fits" : ", does not fit").orElse("");
    return String.format(
        Locale.ROOT,
        "MemoryPlan[%s, ctx %d, ngl %d: %s; host %.2f MiB%s]",
        model,
        context,
        gpuLayers,
        devices.get(0),
        mib(host().totalBytes()),
        fits);
  }
}
