package dev.tokbench.memory;

import java.util.Locale;

/**
 * Whether a model fits a device, and how far it could go.
 *
 * @param memoryBytes the device's memory
 * @param marginBytes left free on purpose: the CUDA context and driver (about 0.6 GiB on an H200,
 *     llama.cpp's "unaccounted"), other processes; llama.cpp's {@code --fit} keeps 1 GiB
 * @param unified the GPU shares the host's memory (Jetson), so both count against it
 * @param usedBytes what the estimate puts on the device (GPU, or GPU and host when unified)
 * @param fits {@code usedBytes + marginBytes <= memoryBytes}
 * @param maxContext the largest context (a multiple of 256) that fits with these options, 0 if none
 * @param maxGpuLayers the largest {@code -ngl} that fits at this context, -1 if none
 */
public record FitCheck(
    long memoryBytes,
    long marginBytes,
    boolean unified,
    long usedBytes,
    boolean fits,
    long maxContext,
    int maxGpuLayers) {
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %s of %s used with a %s margin; max context %d, max -ngl %d",
        fits ? "fits" : "does not fit",
        DeviceMemory.mib(usedBytes),
        DeviceMemory.mib(memoryBytes),
        DeviceMemory.mib(marginBytes),
        maxContext,
        maxGpuLayers);
  }
}
