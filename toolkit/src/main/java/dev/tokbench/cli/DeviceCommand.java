package dev.tokbench.cli;

import dev.tokbench.device.Accelerators;
import dev.tokbench.device.Device;
import dev.tokbench.device.DeviceCatalog;
import dev.tokbench.device.Gpu;
import dev.tokbench.device.Machine;
import dev.tokbench.tables.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tokbench device}: what this machine is (every GPU from nvidia-smi, with its memory, bus
 * id, links and catalogue bandwidth; a Jetson board from the device tree) and its theoretical
 * memory bandwidth from the device catalogue, the figure every "% of theoretical" of a new run is
 * measured against.
 */
@Command(
    name = "device",
    mixinStandardHelpOptions = true,
    description =
        "Detect this machine's accelerator and look up its theoretical memory bandwidth in the"
            + " device catalogue (data/devices.csv, plus --catalog FILE of your own).")
final class DeviceCommand implements Callable<Integer> {
  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "A catalogue CSV of your own, with the columns of data/devices.csv.")
  Path catalog;

  @Option(names = "--list", description = "Print the whole catalogue instead.")
  boolean list;

  @Option(
      names = "--csv",
      description =
          "With --list: print it as CSV, the columns a data folder's devices.csv or --catalog takes.")
  boolean csv;

  @Override
  public Integer call() {
    DeviceCatalog devices = DeviceCatalog.builtin();
    if (catalog != null) devices = devices.with(DeviceCatalog.read(catalog));
    if (list && csv) {
      System.out.print(devices.csv());
      return 0;
    }
    if (list) {
      System.out.println(Tables.devices(devices).printAll());
      return 0;
    }
    Map<String, String> machine = Machine.describe();
    machine.forEach((k, v) -> System.out.println(k + ": " + v));
    for (Gpu g : Accelerators.gpus(machine)) {
      // each GPU its own ceiling: a mixed machine's GPUs differ, and a split is as fast as they are
      System.out.println(
          g
              + ", catalogue: "
              + devices.match(List.of(g.name())).map(Device::toString).orElse("no entry"));
    }
    List<String> names = Accelerators.names(machine);
    Optional<Device> found = devices.match(names);
    if (found.isPresent()) {
      Device d = found.get();
      System.out.println("catalogue: " + d.name());
      System.out.println("theoretical_bandwidth: " + d.theoretical());
      System.out.println("source: " + d.source());
    } else {
      System.out.println(
          "catalogue: no entry for "
              + (names.isEmpty() ? "this machine (no GPU or Jetson board detected)" : names)
              + "; add a row to a CSV with the columns of data/devices.csv and pass --catalog");
    }
    return 0;
  }
}
