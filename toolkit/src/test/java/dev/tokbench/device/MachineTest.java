package dev.tokbench.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.testing.RunFixtures;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GPU and board identity from real nvidia-smi output captured on the H100, and Jetson files. */
class MachineTest {
  private static String fixture(String name) throws Exception {
    return Files.readString(RunFixtures.path(name));
  }

  @Test
  void nvidiaSmiQueryGivesNameDriverAndCuda() throws Exception {
    Map<String, String> gpu = NvidiaSmi.parseQuery(fixture("nvidia-smi/nvidia-smi-q.txt"));

    assertThat(gpu)
        .containsEntry("gpu", "NVIDIA H100 80GB HBM3")
        .containsEntry("gpu_count", "1")
        .containsEntry("gpu_driver", "580.159.04")
        .containsEntry("cuda_version", "13.0")
        .containsEntry("gpu_uuid", "GPU-461722d5-4e92-d678-9a36-82cdcccbaf9c")
        .containsEntry("gpu_vbios", "96.00.DA.00.0C");
  }

  @Test
  void theBannerOfPlainNvidiaSmiGivesDriverAndCuda() throws Exception {
    assertThat(NvidiaSmi.parseBanner(fixture("llama-bench/h100-machine.txt")))
        .containsEntry("gpu_driver", "580.159.04")
        .containsEntry("cuda_version", "13.0");
  }

  @Test
  void aQueryGpuCsvIsKeyedByFieldWithoutUnits() throws Exception {
    List<Map<String, String>> rows = NvidiaSmi.parseCsv(fixture("nvidia-smi/nvidia-smi-query.csv"));

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("name", "NVIDIA H100 80GB HBM3")
        .containsEntry("memory.total", "81559 MiB")
        .containsEntry("compute_cap", "9.0");
    assertThat(NvidiaSmi.parseCsv(fixture("nvidia-smi/telemetry.csv")).get(0))
        .containsEntry("power.draw", "107.44");
  }

  @Test
  void noNvidiaSmiOutputMeansNoGpuEntries() {
    assertThat(NvidiaSmi.parseQuery("")).isEmpty();
    assertThat(NvidiaSmi.parseBanner("no GPU here")).isEmpty();
  }

  @Test
  void jetsonReleaseFileGivesTheL4tVersion() {
    // not a capture: a first line in the format of /etc/nv_tegra_release on L4T R36 boards
    String line =
        "# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: Wed Jan  8 01:49:37 UTC 2025\n";

    assertThat(Machine.tegraRelease(line))
        .containsEntry("l4t", "R36.4.3")
        .containsEntry("l4t_gcid", "38968081");
    assertThat(Machine.tegraRelease("not a tegra file")).isEmpty();
  }

  @Test
  void cpuModelComesFromCpuinfo() {
    assertThat(Machine.cpuModel("processor\t: 0\nmodel name\t: AMD EPYC 9554 64-Core Processor\n"))
        .isEqualTo("AMD EPYC 9554 64-Core Processor");
  }

  @Test
  void describingThisMachineNamesHostOsAndToolkit() {
    assertThat(Machine.describe())
        .containsKeys("host", "os", "arch", "cpu_count", "java", "toolkit_version");
  }
}
