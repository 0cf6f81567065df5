package dev.tokbench.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcceleratorsTest {
  private static final DeviceCatalog CATALOG = DeviceCatalog.builtin();

  @Test
  void realH100NvidiaSmiOutputFindsHbm3Bandwidth() throws IOException {
    Map<String, String> machine =
        NvidiaSmi.parseQuery(resource("/run/nvidia-smi/nvidia-smi-q.txt"));

    var device = CATALOG.match(Accelerators.names(machine));

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

    assertThat(Accelerators.names(agx64)).containsExactly("Jetson AGX Orin 64GB");
    assertThat(Accelerators.names(agx32)).containsExactly("Jetson AGX Orin 32GB");
    assertThat(CATALOG.match(Accelerators.names(agx64)).get().theoretical().gbPerS())
        .isEqualTo(204.8);
  }

  @Test
  void machineWithoutAcceleratorMatchesNothing() {
    assertThat(Accelerators.names(Map.of("cpu", "AMD EPYC"))).isEmpty();
    assertThat(CATALOG.match(List.of("Some Unknown GPU"))).isEmpty();
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = AcceleratorsTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
