package dev.tokbench.energy;

import java.util.List;

/** A source read on the sampler's own clock: NVML, RAPL. */
public interface PolledSource extends PowerSource {
  /**
   * One reading of every channel, stamped {@code at}; a channel that fails this time is left out.
   */
  List<PowerSample> poll(Stamp at);
}
