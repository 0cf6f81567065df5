package dev.tokbench.energy;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each source looks: made explicit so tests (and odd machines) can point elsewhere.
 *
 * @param nvmlLibraries the names or paths tried, in order, to load NVML
 * @param powercapRoot where RAPL's zones are ({@code /sys/class/powercap})
 * @param sysRoot the root of {@code /sys} paths read for provenance ({@code /}): CPU and GPU clock
 *     limits, to tell whether {@code jetson_clocks} is on
 * @param env variables for the helper programs (a {@code PATH} to find them in)
 */
public record SourceConfig(
    List<String> nvmlLibraries, Path powercapRoot, Path sysRoot, Map<String, String> env) {
  /** The system property that names NVML's library (a path or a name), ahead of the defaults. */
  public static final String NVML_PROPERTY = "tokbench.nvml.library";

  /**
   * The driver installs {@code libnvidia-ml.so.1}; the unversioned name comes with CUDA's dev
   * files.
   */
  public static final List<String> NVML_DEFAULTS = List.of("libnvidia-ml.so.1", "nvidia-ml");

  public SourceConfig {
    nvmlLibraries = List.copyOf(nvmlLibraries);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }

  /** This machine's places; {@value #NVML_PROPERTY} alone decides NVML's library when set. */
  public static SourceConfig defaults() {
    String nvml = System.getProperty(NVML_PROPERTY);
    return new SourceConfig(
        nvml == null || nvml.isBlank() ? NVML_DEFAULTS : List.of(nvml),
        Path.of("/sys/class/powercap"),
        Path.of("/"),
        Map.of());
  }

  public SourceConfig withNvml(String library) {
    return new SourceConfig(List.of(library), powercapRoot, sysRoot, env);
  }

  public SourceConfig withPowercap(Path root) {
    return new SourceConfig(nvmlLibraries, root, sysRoot, env);
  }

  public SourceConfig withSysRoot(Path root) {
    return new SourceConfig(nvmlLibraries, powercapRoot, root, env);
  }

  public SourceConfig withEnv(Map<String, String> vars) {
    return new SourceConfig(nvmlLibraries, powercapRoot, sysRoot, vars);
  }
}
