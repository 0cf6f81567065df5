package dev.tokbench.energy;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NVIDIA GPUs through NVML, the driver's own library, loaded with JNA: every GPU's total-energy
 * counter where it has one (Volta and later, millijoules), else its power (milliwatts), with SM and
 * memory clocks, temperature, utilisation and memory used alongside. One channel per GPU ({@code
 * gpu0}, {@code gpu1}, ...), all in the total.
 */
final class NvmlSource implements PolledSource {
  private final NvmlLibrary nvml;
  private final String library;
  private final List<NvmlDevice> devices;
  private boolean closed;

  private NvmlSource(NvmlLibrary nvml, String library, List<NvmlDevice> devices) {
    this.nvml = nvml;
    this.library = library;
    this.devices = List.copyOf(devices);
  }

  /** Loads and initialises NVML and checks that each GPU reads power or energy. */
  static NvmlSource open(SourceConfig config) {
    Loaded loaded = load(config.nvmlLibraries());
    NvmlLibrary nvml = loaded.nvml;
    try {
      check(nvml, nvml.nvmlInit_v2(), "nvmlInit_v2");
    } catch (UnsatisfiedLinkError e) {
      throw new SourceUnavailableException(
          "no NVML: " + loaded.name + " lacks nvmlInit_v2 (" + e.getMessage() + ")", e);
    }
    try {
      return new NvmlSource(nvml, loaded.name, devices(nvml));
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      nvml.nvmlShutdown();
      if (e instanceof SourceUnavailableException s) throw s;
      throw new SourceUnavailableException("no NVML: " + loaded.name + " " + missing(e), e);
    }
  }

  private record Loaded(NvmlLibrary nvml, String name) {}

  private static Loaded load(List<String> names) {
    List<String> why = new ArrayList<>();
    for (String name : names) {
      try {
        return new Loaded(Native.load(name, NvmlLibrary.class), name);
      } catch (UnsatisfiedLinkError e) {
        why.add(loadError(e.getMessage()));
      }
    }
    throw new SourceUnavailableException("no NVML: cannot load " + String.join("; ", why));
  }

  private static List<NvmlDevice> devices(NvmlLibrary nvml) {
    IntByReference count = new IntByReference();
    check(nvml, nvml.nvmlDeviceGetCount_v2(count), "nvmlDeviceGetCount_v2");
    if (count.getValue() <= 0) throw new SourceUnavailableException("no NVML: it sees no GPU");
    List<NvmlDevice> out = new ArrayList<>();
    for (int i = 0; i < count.getValue(); i++) {
      PointerByReference handle = new PointerByReference();
      check(
          nvml,
          nvml.nvmlDeviceGetHandleByIndex_v2(i, handle),
          "nvmlDeviceGetHandleByIndex_v2(" + i + ")");
      out.add(NvmlDevice.probe(nvml, i, handle.getValue(), name(nvml, handle.getValue())));
    }
    return out;
  }

  private static String name(NvmlLibrary nvml, Pointer device) {
    byte[] buf = new byte[96]; // NVML_DEVICE_NAME_V2_BUFFER_SIZE
    if (nvml.nvmlDeviceGetName(device, buf, buf.length) != NvmlLibrary.SUCCESS)
      return "unknown GPU";
    int n = 0;
    while (n < buf.length && buf[n] != 0) n++;
    return new String(buf, 0, n, StandardCharsets.UTF_8);
  }

  /** Throws the probe's reason when an NVML call did not succeed. */
  static void check(NvmlLibrary nvml, int result, String call) {
    if (result != NvmlLibrary.SUCCESS) {
      throw new SourceUnavailableException(
          "no NVML: " + call + " returned " + describe(nvml, result));
    }
  }

  /** An {@code nvmlReturn_t} with NVML's own words for it where the library has them. */
  static String describe(NvmlLibrary nvml, int result) {
    try {
      return result + " (" + nvml.nvmlErrorString(result) + ")";
    } catch (UnsatisfiedLinkError e) {
      return Integer.toString(result);
    }
  }

  private static String missing(Throwable e) {
    String m = firstLine(e.getMessage());
    return m.contains("looking up function")
        ? "lacks a function tokbench calls: " + m
        : "failed: " + m;
  }

  /**
   * JNA's message starts "Unable to load library 'x':" and then gives dlopen's own reason ("x:
   * cannot open shared object file: No such file or directory"), the one worth showing.
   */
  private static String loadError(String message) {
    List<String> lines = message == null ? List.of() : message.lines().map(String::trim).toList();
    if (lines.size() > 1 && lines.get(0).startsWith("Unable to load library")) return lines.get(1);
    return lines.isEmpty() ? "unknown error" : lines.get(0);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  @Override
  public List<PowerSample> poll(Stamp at) {
    List<PowerSample> out = new ArrayList<>();
    for (NvmlDevice d : devices) d.read(nvml, at).ifPresent(out::add);
    return out;
  }

  @Override
  public SourceInfo info() {
    List<String> names = devices.stream().map(NvmlDevice::describe).toList();
    boolean counters = devices.stream().allMatch(NvmlDevice::hasCounter);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("energy_nvml_library", library);
    p.put("energy_gpus", String.join("; ", devices.stream().map(NvmlDevice::name).toList()));
    return new SourceInfo(
        "nvml",
        devices.size() + (devices.size() == 1 ? " GPU: " : " GPUs: ") + String.join(", ", names),
        devices.stream().map(NvmlDevice::channel).toList(),
        counters
            ? "total-energy counter in mJ, read each period"
            : "power in mW (a 1 s average on Ampere and later, GA100 excepted), read each period",
        p);
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    nvml.nvmlShutdown();
  }
}
