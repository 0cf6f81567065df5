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
          "NVML to load (a path or a name); default libnvidia-ml.so.1, or -D"
              + SourceConfig.NVML_PROPERTY)
  String nvmlLibrary;

  @Option(
      names = "--powercap",
      paramLabel = "DIR",
      description = "RAPL's powercap tree (default /sys/class/powercap)")
  Path powercap;

  SourceConfig config() {
    SourceConfig c = SourceConfig.defaults();
    if (nvmlLibrary != null) c = c.withNvml(nvmlLibrary);
    if (powercap != null) c = c.withPowercap(powercap);
    return c;
  }
}
