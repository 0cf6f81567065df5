package dev.tokbench.energy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an open source is and how it reads.
 *
 * @param name {@code nvml}, {@code nvidia-smi}, {@code tegrastats} or {@code rapl}
 * @param detail what it found, e.g. {@code 1 GPU: NVIDIA H200 (energy counter)}
 * @param channels the channels it reads, as they appear in the trace
 * @param resolution how finely it reads, in words, e.g. {@code energy counter in mJ}
 * @param provenance what a result row should carry about it (power mode, driver, limits)
 */
public record SourceInfo(
    String name,
    String detail,
    List<String> channels,
    String resolution,
    Map<String, String> provenance) {
  public SourceInfo {
    channels = List.copyOf(channels);
    provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
  }

  @Override
  public String toString() {
    return name + ": " + detail + "; " + resolution;
  }
}
