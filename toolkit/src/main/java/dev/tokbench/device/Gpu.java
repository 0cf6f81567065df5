package dev.tokbench.device;

import java.util.Locale;
import java.util.Objects;

/**
 * One GPU as {@code nvidia-smi -q} names it.
 *
 * @param index its place in nvidia-smi's order (the CUDA order with {@code
 *     CUDA_DEVICE_ORDER=PCI_BUS_ID}, and llama.cpp's {@code -mg}/{@code -ts} order then)
 * @param name the product name, e.g. {@code NVIDIA H100 NVL}
 * @param memoryMib the frame buffer's total in MiB; -1 when not reported
 * @param busId the PCI bus id, e.g. {@code 00000000:AD:00.0}; empty when not reported
 * @param uuid the GPU UUID; empty when not reported
 */
public record Gpu(int index, String name, long memoryMib, String busId, String uuid) {
  public Gpu {
    name = Objects.requireNonNullElse(name, "");
    busId = Objects.requireNonNullElse(busId, "");
    uuid = Objects.requireNonNullElse(uuid, "");
  }

  /** {@code gpu1: NVIDIA H100 NVL, 95830 MiB, bus 00000000:AE:00.0}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "gpu%d: %s%s%s",
        index,
        name,
        memoryMib < 0 ? "" : ", " + memoryMib + " MiB",
        busId.isEmpty() ? "" : ", bus " + busId);
  }
}
