package dev.tokbench.memory;

import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.device.Device;
import dev.tokbench.device.DeviceCatalog;
import java.util.Locale;

/**
 * The machine an estimate is for: a CUDA GPU (discrete, or integrated and sharing the host's memory
 * like a Jetson), or the CPU alone; and the memory to fit in, when known. The one place that reads
 * the device catalogue.
 *
 * @param name the device, as the catalogue names it, or a description
 * @param memoryBytes memory to fit in; 0 when unknown (no fit check)
 * @param gpu a CUDA GPU is present
 * @param unified the GPU and the host share one memory, so both count against it
 */
record Target(String name, long memoryBytes, boolean gpu, boolean unified) {
  static final Target ANY_GPU = new Target("CUDA GPU", 0, true, false);
  static final Target CPU_ONLY = new Target("CPU", 0, false, false);

  /**
   * A catalogue device. Its {@code memory_gb} is read as GiB: GPU vendors' "24 GB" is 24 GiB (an
   * RTX 4090 reports 24564 MiB), as is a Jetson's "64GB".
   *
   * @throws dev.tokbench.device.UnknownDeviceException naming close names
   */
  static Target device(String name) {
    Device d = DeviceCatalog.builtin().find(name);
    if (!(d.memoryGb() > 0)) {
      throw new MemoryOptionException(
          "the catalogue gives no memory size for " + d.name() + "; give --memory instead");
    }
    long bytes = Math.round(d.memoryGb() * 1024 * 1024 * 1024);
    String lower = d.name().toLowerCase(Locale.ROOT);
    boolean unified = lower.contains("jetson") || lower.startsWith("apple");
    return new Target(d.name(), bytes, true, unified);
  }

  /**
   * A size as people write it: {@code 24GiB}, {@code 80 GB}, {@code 24564MiB}; binary and decimal
   * units mean what they say.
   */
  static long parseSize(String text) {
    try {
      return Math.round(Bytes.parse(text).bytes());
    } catch (IllegalArgumentException | dev.tokbench.BadInputException e) {
      throw new MemoryOptionException(
          "cannot read size '"
              + text
              + "': "
              + e.getMessage()
              + " (write e.g. 24GiB, 80GB, 512MiB)");
    }
  }

  Target withMemory(long bytes) {
    if (bytes <= 0) throw new MemoryOptionException("--memory must be > 0, got " + bytes);
    return new Target(name, bytes, gpu, unified);
  }

  Target withUnified(boolean v) {
    return new Target(name, memoryBytes, gpu, v);
  }
}
