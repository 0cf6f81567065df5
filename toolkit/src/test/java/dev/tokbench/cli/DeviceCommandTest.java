package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.bandwidth.DeviceCatalog;
import dev.tokbench.run.NvidiaSmi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceCommandTest {
  private static final DeviceCatalog CATALOG = DeviceCatalog.builtin();

  @Test
  void realH100NvidiaSmiOutputFindsHbm3Bandwidth() throws IOException {
    Map<String, String> machine =
        NvidiaSmi.parseQuery(resource("/run/nvidia-smi/nvidia-smi-q.txt"));

    var device = DeviceCommand.match(DeviceCommand.candidates(machine), CATALOG);

    assertThat(device).isPresent();
    assertThat(device.get().name()).isEqualTo("NVIDIA H100 SXM5 80GB");
    assertThat(device.get().theoretical().gbPerS()).isEqualTo(3350.0);
  }

  @Test
  void jetsonBoardIsTold64From32GbByMemory() {
    Map<String, String> agx64 =
        Map.of("board", "NVIDIA Jetson AGX Orin Developer Kit", "memory", "64335836 kB");
    Map<String, String> agx32 =
        Map.of("board", "NVIDIA Jetson AGX Orin Developer Kit", "memory", "30536292 kB");

    assertThat(DeviceCommand.candidates(agx64)).containsExactly("Jetson AGX Orin 64GB");
    assertThat(DeviceCommand.candidates(agx32)).containsExactly("Jetson AGX Orin 32GB");
    assertThat(
            DeviceCommand.match(DeviceCommand.candidates(agx64), CATALOG)
                .get()
                .theoretical()
                .gbPerS())
        .isEqualTo(204.8);
  }

  @Test
  void machineWithoutAcceleratorMatchesNothing() {
    assertThat(DeviceCommand.candidates(Map.of("cpu", "AMD EPYC"))).isEmpty();
    assertThat(DeviceCommand.match(List.of("Some Unknown GPU"), CATALOG)).isEmpty();
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = DeviceCommandTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
