package dev.tokbench.energy;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/** One GPU seen through NVML: what it can read, and one reading of it. */
final class NvmlDevice {
  private final int index;
  private final Pointer handle;
  private final String name;
  private final boolean counter;
  private final boolean power;

  private NvmlDevice(int index, Pointer handle, String name, boolean counter, boolean power) {
    this.index = index;
    this.handle = handle;
    this.name = name;
    this.counter = counter;
    this.power = power;
  }

  /** Finds out what this GPU reads; neither power nor energy is the probe's failure. */
  static NvmlDevice probe(NvmlLibrary nvml, int index, Pointer handle, String name) {
    int p = nvml.nvmlDeviceGetPowerUsage(handle, new IntByReference());
    int e;
    try {
      e = nvml.nvmlDeviceGetTotalEnergyConsumption(handle, new LongByReference());
    } catch (UnsatisfiedLinkError missing) {
      e = NvmlLibrary.NOT_SUPPORTED; // a driver older than the counter
    }
    if (p != NvmlLibrary.SUCCESS && e != NvmlLibrary.SUCCESS) {
      throw new SourceUnavailableException(
          "no NVML: GPU "
              + index
              + " ("
              + name
              + ") reads neither power ("
              + NvmlSource.describe(nvml, p)
              + ") nor energy ("
              + NvmlSource.describe(nvml, e)
              + ")");
    }
    return new NvmlDevice(index, handle, name, e == NvmlLibrary.SUCCESS, p == NvmlLibrary.SUCCESS);
  }

  String name() {
    return name;
  }

  String channel() {
    return "gpu" + index;
  }

  boolean hasCounter() {
    return counter;
  }

  String describe() {
    return name + (counter ? " (energy counter)" : " (power only)");
  }

  /** One reading; empty when this time's power and energy both failed. */
  Optional<PowerSample> read(NvmlLibrary nvml, Stamp at) {
    double watts = Double.NaN;
    double joules = Double.NaN;
    IntByReference mw = new IntByReference();
    if (power && nvml.nvmlDeviceGetPowerUsage(handle, mw) == NvmlLibrary.SUCCESS) {
      watts = Integer.toUnsignedLong(mw.getValue()) / 1000.0;
    }
    LongByReference mj = new LongByReference();
    if (counter && nvml.nvmlDeviceGetTotalEnergyConsumption(handle, mj) == NvmlLibrary.SUCCESS) {
      joules = mj.getValue() / 1000.0;
    }
    if (Double.isNaN(watts) && Double.isNaN(joules)) return Optional.empty();
    if (counter && Double.isNaN(joules)) return Optional.empty(); // a gap, not a change of method
    return Optional.of(new PowerSample(at, "nvml", channel(), true, watts, joules, readings(nvml)));
  }

  private Readings readings(NvmlLibrary nvml) {
    int[] util = new int[2];
    long[] memory = new long[3];
    boolean u = ok(() -> nvml.nvmlDeviceGetUtilizationRates(handle, util));
    boolean m = ok(() -> nvml.nvmlDeviceGetMemoryInfo(handle, memory));
    return new Readings(
        unsigned(v -> nvml.nvmlDeviceGetClockInfo(handle, NvmlLibrary.CLOCK_SM, v)),
        unsigned(v -> nvml.nvmlDeviceGetClockInfo(handle, NvmlLibrary.CLOCK_MEM, v)),
        unsigned(v -> nvml.nvmlDeviceGetTemperature(handle, NvmlLibrary.TEMPERATURE_GPU, v)),
        u ? Integer.toUnsignedLong(util[0]) : Double.NaN,
        m ? memory[2] / (1024.0 * 1024.0) : Double.NaN);
  }

  /** An optional reading's call: false when it failed or the library lacks the function. */
  private static boolean ok(IntSupplier call) {
    try {
      return call.getAsInt() == NvmlLibrary.SUCCESS;
    } catch (UnsatisfiedLinkError missing) {
      return false;
    }
  }

  private static double unsigned(ToIntFunction<IntByReference> call) {
    IntByReference v = new IntByReference();
    return ok(() -> call.applyAsInt(v)) ? Integer.toUnsignedLong(v.getValue()) : Double.NaN;
  }
}
