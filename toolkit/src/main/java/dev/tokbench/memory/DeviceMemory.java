package dev.tokbench.memory;

import java.util.Locale;
import java.util.Objects;

/**
 * The memory one device needs, by component, as llama.cpp's memory breakdown counts it ({@code
 * model}, {@code context} = the KV cache, {@code compute}) plus the output buffer (logits), which
 * the breakdown leaves out.
 *
 * @param device {@code CUDA0} (the GPU) or {@code Host}
 * @param modelBytes weights (for the host: the mapped range of the file)
 * @param kvBytes the KV cache
 * @param computeBytes compute buffers
 * @param outputBytes the output buffer
 * @param totalBytes the sum
 */
public record DeviceMemory(
    String device,
    long modelBytes,
    long kvBytes,
    long computeBytes,
    long outputBytes,
    long totalBytes) {
  public DeviceMemory {
    Objects.requireNonNull(device, "device");
    if (totalBytes != modelBytes + kvBytes + computeBytes + outputBytes) {
      throw new IllegalArgumentException(device + ": total is not the sum of the components");
    }
  }

  static DeviceMemory of(String device, long model, long kv, long compute, long output) {
    long total = Math.addExact(Math.addExact(model, kv), Math.addExact(compute, output));
    return new DeviceMemory(device, model, kv, compute, output, total);
  }

  /** The device's name and its five sizes in MiB, for a row of a table. */
  Object[] mibRow() {
    return new Object[] {
      device,
      mibOf(modelBytes),
      mibOf(kvBytes),
      mibOf(computeBytes),
      mibOf(outputBytes),
      mibOf(totalBytes)
    };
  }

  private static double mibOf(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  /** llama.cpp's {@code self}: model + context + compute, what its breakdown table adds up. */
  public long selfBytes() {
    return modelBytes + kvBytes + computeBytes;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %s = model %s + kv %s + compute %s + output %s",
        device,
        mib(totalBytes),
        mib(modelBytes),
        mib(kvBytes),
        mib(computeBytes),
        mib(outputBytes));
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
  }
}
