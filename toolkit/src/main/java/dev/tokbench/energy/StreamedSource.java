package dev.tokbench.energy;

import java.time.Duration;
import java.util.function.Consumer;

/** A source whose helper process prints readings at its own interval: nvidia-smi, tegrastats. */
public interface StreamedSource extends PowerSource {
  /** Starts the helper at {@code period}; its samples go to {@code sink}, from another thread. */
  void start(Duration period, Consumer<PowerSample> sink);

  /** Stops the helper; no sample reaches the sink after this returns. */
  void stop();
}
