package dev.tokbench.energy;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The NVML functions tokbench calls, as declared in {@code nvml.h}; each returns an {@code
 * nvmlReturn_t} (0 is {@code NVML_SUCCESS}). JNA looks a function up when it is first called, so a
 * library lacking an optional one (an old driver without the energy counter) still loads.
 */
interface NvmlLibrary extends Library {
  int SUCCESS = 0;
  int NOT_SUPPORTED = 3;

  /** {@code nvmlClockType_t}: NVML_CLOCK_SM, NVML_CLOCK_MEM. */
  int CLOCK_SM = 1;

  int CLOCK_MEM = 2;

  /** {@code nvmlTemperatureSensors_t}: NVML_TEMPERATURE_GPU. */
  int TEMPERATURE_GPU = 0;

  int nvmlInit_v2();

  int nvmlShutdown();

  String nvmlErrorString(int result);

  int nvmlDeviceGetCount_v2(IntByReference deviceCount);

  int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

  int nvmlDeviceGetName(Pointer device, byte[] name, int length);

  /** Millijoules since the driver was loaded (Volta and later). */
  int nvmlDeviceGetTotalEnergyConsumption(Pointer device, LongByReference energy);

  /**
   * Milliwatts: on Ampere (except GA100) and later, averaged over one second; instantaneous on
   * older GPUs.
   */
  int nvmlDeviceGetPowerUsage(Pointer device, IntByReference power);

  int nvmlDeviceGetClockInfo(Pointer device, int type, IntByReference clock);

  int nvmlDeviceGetTemperature(Pointer device, int sensorType, IntByReference temp);

  /** {@code nvmlUtilization_t}: unsigned int gpu, memory (percent). */
  int nvmlDeviceGetUtilizationRates(Pointer device, int[] utilization);

  /** {@code nvmlMemory_t}: unsigned long long total, free, used (bytes). */
  int nvmlDeviceGetMemoryInfo(Pointer device, long[] memory);
}
