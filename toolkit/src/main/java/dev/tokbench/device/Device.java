package dev.tokbench.device;

import dev.tokbench.bandwidth.Bandwidth;
import java.util.List;
import java.util.Locale;

/**
 * One device of the catalogue: its memory and the bandwidth and compute its vendor states.
 *
 * @param name the catalogue's name, e.g. {@code NVIDIA H100 SXM5 80GB}
 * @param aliases other spellings, e.g. what {@code nvidia-smi} or llama-bench print
 * @param memoryGb memory in decimal GB as marketed
 * @param memoryType e.g. {@code HBM3}, {@code LPDDR5 256-bit}
 * @param theoretical peak memory bandwidth from the data sheet
 * @param peakFp16DenseTflops dense FP16 tensor throughput in TFLOPS, NaN when not published
 * @param source where the figures come from
 */
public record Device(
    String name,
    List<String> aliases,
    double memoryGb,
    String memoryType,
    Bandwidth theoretical,
    double peakFp16DenseTflops,
    String source) {
  public Device {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("device needs a name");
    aliases = List.copyOf(aliases);
    if (theoretical == null) throw new IllegalArgumentException(name + ": no bandwidth");
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(name + ": every device needs a source");
    }
  }

  /** True when {@code text} is this device's name or one of its aliases, ignoring case. */
  public boolean matches(String text) {
    String t = text.trim();
    return name.equalsIgnoreCase(t) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(t));
  }

  /** True when the vendor publishes a dense FP16 peak for it. */
  public boolean hasPeakFlops() {
    return !Double.isNaN(peakFp16DenseTflops);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%s, %s)", name, memoryType, theoretical);
  }
}
