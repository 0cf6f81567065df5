package dev.tokbench.memory;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One row of llama.cpp's memory breakdown table ({@code common_memory_breakdown_print}, formerly
 * {@code llama_memory_breakdown_print}), in whole MiB rounded down as it prints them: {@code | -
 * CUDA0 (H200) | 143155 = 142629 + (1145 = 762 + 128 + 254) + -618 |}.
 *
 * @param device the row's name: {@code CUDA0 (H200)}, {@code Host}, or another buffer type
 * @param totalMib the device's memory (GPU rows only)
 * @param freeMib free memory when printed (GPU rows only)
 * @param selfMib model + context + compute
 * @param modelMib weights
 * @param contextMib the KV cache (and other memory modules)
 * @param computeMib compute buffers
 * @param unaccountedMib total - free - self: the CUDA context and anything else (GPU rows only)
 * @param line the line in the log
 */
public record MeasuredBreakdown(
    String device,
    OptionalLong totalMib,
    OptionalLong freeMib,
    long selfMib,
    long modelMib,
    long contextMib,
    long computeMib,
    OptionalLong unaccountedMib,
    int line) {
  public MeasuredBreakdown {
    Objects.requireNonNull(device, "device");
  }

  /** The device name without the description: {@code CUDA0} for {@code CUDA0 (H200)}. */
  public String deviceName() {
    int paren = device.indexOf(" (");
    return paren < 0 ? device : device.substring(0, paren);
  }
}
