package dev.tokbench.memory;

import java.util.Objects;

/**
 * One buffer size a llama.cpp log states: {@code load_tensors: CUDA0 model buffer size = 762.81
 * MiB}, {@code llama_kv_cache: CUDA0 KV buffer size = 128.00 MiB}, {@code sched_reserve: CUDA0
 * compute buffer size = 254.50 MiB} (and at exit {@code ~llama_context: ... is 254.5000 MiB}),
 * {@code llama_context: CUDA_Host output buffer size = 0.49 MiB}.
 *
 * @param component what the buffer holds
 * @param buffer the buffer type, e.g. {@code CUDA0}, {@code CPU_Mapped}, {@code CUDA_Host}
 * @param mib the size as printed, in MiB
 * @param function the llama.cpp function that printed it
 * @param line the line in the log, 1-based
 */
public record MeasuredBuffer(
    BufferSize.Component component, String buffer, double mib, String function, int line) {
  public MeasuredBuffer {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(buffer, "buffer");
    Objects.requireNonNull(function, "function");
  }

  /** The size in bytes, to the precision printed. */
  public long bytes() {
    return Math.round(mib * 1024 * 1024);
  }

  /** The MiB of the bytes printed: 0.005 for two decimals, 0.00005 for the four at exit. */
  public double precisionMib() {
    return function.startsWith("~") ? 0.00005 : 0.005;
  }
}
