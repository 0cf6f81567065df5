package dev.tokbench.memory;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A projection of llama.cpp's {@code --fit} / {@code llama-fit-params}: {@code
 * common_params_fit_impl: projected to use 1145 MiB of device memory vs. 142629 MiB of free device
 * memory}, or per device when it had to change something ({@code - CUDA0: 16 layers, 1234 MiB used,
 * 5678 MiB free}).
 *
 * @param device the device, or {@code device}/{@code host} for the projection over all of them
 * @param layers layers it would put on the device, when stated
 * @param usedMib projected use
 * @param freeMib free memory it compares against (for a device line: what would stay free)
 * @param line the line in the log
 */
public record FitProjection(
    String device, OptionalInt layers, long usedMib, long freeMib, int line) {
  public FitProjection {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(layers, "layers");
  }
}
