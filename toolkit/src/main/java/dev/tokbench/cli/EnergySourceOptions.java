package dev.tokbench.cli;

import dev.tokbench.energy.SourceConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the energy commands look for their sources, when not in the usual places. */
final class EnergySourceOptions {
  @Option(
      names = "--nvml-library",
      paramLabel = "LIB",
      description =
          "The NVML library to load, a path or a name (default: -D"
              + SourceConfig.NVML_PROPERTY
              + " when set, else libnvidia-ml.so.1).")
  String nvmlLibrary;

  @Option(
      names = "--powercap",
      paramLabel = "DIR",
      description = "RAPL's powercap tree (default: /sys/class/powercap).")
  Path powercap;

  SourceConfig config() {
    SourceConfig c = SourceConfig.defaults();
    if (nvmlLibrary != null) c = c.withNvml(nvmlLibrary);
    if (powercap != null) c = c.withPowercap(powercap);
    return c;
  }
}
