package dev.tokbench.energy;

/**
 * A source of power readings that is open: probed, found working, ready to sample. Either {@link
 * PolledSource} (the sampler reads it at each tick: NVML, RAPL) or {@link StreamedSource} (a helper
 * process prints at its own interval: {@code nvidia-smi}, {@code tegrastats}). Closing releases
 * what it holds (NVML's handle, a process).
 */
public interface PowerSource extends AutoCloseable {
  /** What it is, how often and how finely it reads, and its provenance. */
  SourceInfo info();

  @Override
  void close();
}
