package dev.tokbench.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every GPU of real multi-GPU machines' {@code nvidia-smi -q} and {@code topo -m} outputs (test
 * resources {@code device/multi-gpu/}, whose README names where each came from).
 */
class MultiGpuDetectionTest {
  private static final DeviceCatalog CATALOG = DeviceCatalog.builtin();

  @Test
  void everyGpuOfATwoGpuMachineWithNameMemoryBusIdAndUuid() throws IOException {
    List<Gpu> gpus = NvidiaSmi.parseGpus(resource("h100-nvl-x2-q.txt"));

    assertThat(gpus)
        .containsExactly(
            new Gpu(
                0,
                "NVIDIA H100 NVL",
                95830,
                "00000000:AD:00.0",
                "GPU-806f8ea2-6428-1096-a076-bb687fb45fb0"),
            new Gpu(
                1,
                "NVIDIA H100 NVL",
                95830,
                "00000000:AE:00.0",
                "GPU-db6d02a2-1413-eccf-8a17-d99eac29d365"));
    assertThat(gpus.get(1)).hasToString("gpu1: NVIDIA H100 NVL, 95830 MiB, bus 00000000:AE:00.0");
  }

  @Test
  void provenanceOfAnEightGpuMachineListsEachAndHowManyOfAKind() throws IOException {
    Map<String, String> m = NvidiaSmi.parseQuery(resource("h100-sxm-x8-q.txt"));

    assertThat(m.get("gpu_count")).isEqualTo("8");
    assertThat(m.get("gpu_kinds")).isEqualTo("8 × NVIDIA H100 80GB HBM3");
    assertThat(m.get("gpu_memory").split("; ")).hasSize(8).containsOnly("81559 MiB");
    assertThat(m.get("gpu_bus_id").split("; "))
        .hasSize(8)
        .startsWith("00000000:18:00.0")
        .doesNotHaveDuplicates();
    assertThat(m.get("gpu_driver")).isEqualTo("565.57.01");

    // and back from the provenance: the same GPUs, each with the catalogue's bandwidth
    List<Gpu> gpus = Accelerators.gpus(m);
    assertThat(gpus).isEqualTo(NvidiaSmi.parseGpus(resource("h100-sxm-x8-q.txt")));
    assertThat(gpus)
        .allSatisfy(
            g ->
                assertThat(CATALOG.match(List.of(g.name())).orElseThrow().theoretical().gbPerS())
                    .isEqualTo(3350.0));
  }

  @Test
  void aMixedMachineIsDescribedAsMixed() throws IOException {
    // no real output of a mixed machine was found: its GPUs are those of two real machines
    List<Gpu> gpus = new ArrayList<>(NvidiaSmi.parseGpus(resource("h100-nvl-x2-q.txt")));
    gpus.addAll(NvidiaSmi.parseGpus(resource("a100-sxm4-80gb-x4-q.txt")));

    assertThat(Accelerators.kinds(gpus.stream().map(Gpu::name).toList()))
        .isEqualTo("mixed: 2 × NVIDIA H100 NVL, 4 × NVIDIA A100-SXM4-80GB");
    assertThat(
            Accelerators.kinds(
                NvidiaSmi.parseGpus(resource("a100-sxm4-80gb-x4-q.txt")).stream()
                    .map(Gpu::name)
                    .toList()))
        .isEqualTo("4 × NVIDIA A100-SXM4-80GB");
  }

  @Test
  void topologyLinksEachPairOnceWithTabsOrSpaces() throws IOException {
    GpuTopology two = GpuTopology.parse(resource("topo-2x-rtx5090-phb.txt"));
    assertThat(two.describe()).isEqualTo("0-1 PHB");
    assertThat(two.anyNvlink()).isFalse();

    GpuTopology five = GpuTopology.parse(resource("topo-5gpu-sys-phb-node.txt"));
    assertThat(five.links()).hasSize(10); // 5 choose 2
    assertThat(five.describe())
        .isEqualTo(
            "0-1 SYS, 0-2 SYS, 0-3 SYS, 0-4 SYS, 1-2 PHB, 1-3 NODE, 1-4 NODE, 2-3 NODE, 2-4 NODE,"
                + " 3-4 PHB");
  }

  @Test
  void nicColumnsAndRowsAreNotGpus() throws IOException {
    GpuTopology eight = GpuTopology.parse(resource("topo-8x-rtx4090-nics.txt"));

    assertThat(eight.links()).hasSize(28).allMatch(l -> l.kind().equals("SYS"));
    assertThat(eight.links()).allMatch(l -> l.from() < l.to() && l.to() <= 7);
  }

  @Test
  void nvlinkBondsAreCounted() throws IOException {
    // the stored thread has the first four rows of the DGX A100's matrix
    GpuTopology dgx = GpuTopology.parse(resource("topo-dgx-a100-nv12-head.txt"));

    assertThat(dgx.anyNvlink()).isTrue();
    assertThat(dgx.links()).hasSize(7 + 6 + 5 + 4).allMatch(l -> l.nvlinks() == 12);
    assertThat(dgx.links().get(0)).hasToString("0-1 NV12");
  }

  @Test
  void oneGpuOrNoMatrixHasNoLinks() throws IOException {
    assertThat(GpuTopology.parse("").links()).isEmpty();
    assertThat(GpuTopology.parse(resource("h100-nvl-x2-q.txt")).links()).isEmpty();
    // the single H100 fixture: one GPU, no kinds beyond it
    Map<String, String> one = NvidiaSmi.parseQuery(fixture("/run/nvidia-smi/nvidia-smi-q.txt"));
    assertThat(one.get("gpu_kinds")).isEqualTo("1 × NVIDIA H100 80GB HBM3");
    assertThat(Accelerators.gpus(one)).hasSize(1);
  }

  private static String resource(String name) throws IOException {
    return fixture("/device/multi-gpu/" + name);
  }

  private static String fixture(String path) throws IOException {
    try (InputStream in = MultiGpuDetectionTest.class.getResourceAsStream(path)) {
      if (in == null) throw new IOException("no test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
