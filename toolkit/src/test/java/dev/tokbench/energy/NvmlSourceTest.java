package dev.tokbench.energy;

import static dev.tokbench.energy.Fixtures.UTC;
import static dev.tokbench.energy.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NVML through JNA, against a real shared library compiled from resources/energy/fake-nvml.c that
 * plays back the H100's trace: the same loading path as libnvidia-ml.so.1 on a GPU machine. The
 * probe reads the trace's row 0; each poll reads the next row, stamped here with that row's own
 * time, so the figures do not depend on this machine's clock.
 */
class NvmlSourceTest {
  @TempDir Path dir;
  private Trace h100;
  private Path rows;

  @BeforeEach
  void rows() throws Exception {
    h100 = Traces.read(resource("h100-telemetry.csv"), UTC);
    rows = FakeNvml.rows(dir, h100);
  }

  private List<PowerSample> pollEveryRow(PolledSource nvml) {
    List<PowerSample> out = new ArrayList<>();
    List<PowerSample> recorded = h100.samples();
    for (int i = 1; i < recorded.size(); i++) out.addAll(nvml.poll(recorded.get(i).stamp()));
    return out;
  }

  private static Probe probe(Path lib) {
    return Probe.of(SourceConfig.defaults().withNvml(lib.toString()), List.of("nvml"), true);
  }

  @Test
  void theEnergyCounterOfAPlayedBackH100GivesTheTracesJoules() throws Exception {
    Path lib = FakeNvml.compile(dir, "counter", rows);
    try (Probe probe = probe(lib)) {
      PolledSource nvml = (PolledSource) probe.require();
      Trace polled = Trace.of(pollEveryRow(nvml));
      Window rows1to301 = new Window(h100.samples().get(1).stamp().monoNs(), h100.span().endNs());

      WindowEnergy e = polled.energy();

      assertThat(nvml.info().detail()).isEqualTo("1 GPU: Fake H100 0 (energy counter)");
      assertThat(nvml.info().resolution()).startsWith("total-energy counter in mJ");
      assertThat(e.channels().get(0).method()).isEqualTo("energy counter difference");
      // the counter is the trapezoid rounded to 1 mJ per row
      assertThat(e.joules()).isCloseTo(h100.energy(rows1to301).joules(), within(0.002));
      assertThat(e.peakW()).isEqualTo(714.01);
      PowerSample first = polled.samples().get(0);
      assertThat(first.readings()).isEqualTo(h100.samples().get(1).readings());
      assertThat(first.channel()).isEqualTo("gpu0");
    }
  }

  @Test
  void withoutTheCounterEachGpusPowerIsIntegratedAndSummed() throws Exception {
    Path lib = FakeNvml.compile(dir, "power-2gpu", rows, "-DNO_ENERGY", "-DDEVICES=2");
    try (Probe probe = probe(lib)) {
      PolledSource nvml = (PolledSource) probe.require();
      Trace polled = Trace.of(pollEveryRow(nvml));
      Window w = new Window(h100.samples().get(1).stamp().monoNs(), h100.span().endNs());
      double gpu0 = h100.energy(w).joules();

      WindowEnergy e = polled.energy();

      assertThat(polled.channels()).containsExactly("gpu0", "gpu1");
      assertThat(nvml.info().detail()).contains("Fake H100 1 (power only)");
      // GPU 1 reads 1 W more than GPU 0 at every row
      assertThat(e.joules()).isCloseTo(2 * gpu0 + w.seconds(), within(1e-6));
      assertThat(e.channels().get(1).method())
          .isEqualTo("trapezoidal integration of power samples");
    }
  }

  @Test
  void aMissingLibraryIsReportedAndTheNextSourceIsTried() throws Exception {
    Path powercap = FakePowercap.oneSocket(dir.resolve("powercap"), 1_000_000, 262_143_328_850L);
    SourceConfig config =
        SourceConfig.defaults()
            .withNvml(dir.resolve("libnvidia-ml.so.1").toString())
            .withPowercap(powercap);

    try (Probe probe = Probe.of(config, List.of("nvml", "rapl"), true)) {
      assertThat(probe.attempts().get(0).available()).isFalse();
      assertThat(probe.attempts().get(0).detail())
          .startsWith("no NVML: cannot load " + dir.resolve("libnvidia-ml.so.1"));
      assertThat(probe.best().orElseThrow().info().name()).isEqualTo("rapl");
    }
  }

  @Test
  void aLibraryLackingAFunctionIsBroken() throws Exception {
    Path lib = FakeNvml.compile(dir, "no-power", rows, "-DNO_POWER");
    try (Probe probe = probe(lib)) {
      assertThat(probe.best()).isEmpty();
      assertThat(probe.attempts().get(0).detail())
          .startsWith("no NVML: " + lib + " lacks a function tokbench calls")
          .contains("nvmlDeviceGetPowerUsage");
    }
  }

  @Test
  void initFailingOrAGpuReadingNothingSaysWhy() throws Exception {
    Path init = FakeNvml.compile(dir, "init", rows, "-DINIT_RESULT=9");
    Path thor = FakeNvml.compile(dir, "thor", rows, "-DNO_ENERGY", "-DPOWER_RESULT=3");
    try (Probe a = probe(init);
        Probe b = probe(thor)) {
      assertThat(a.attempts().get(0).detail())
          .isEqualTo("no NVML: nvmlInit_v2 returned 9 (Driver Not Loaded)");
      assertThat(b.attempts().get(0).detail())
          .isEqualTo(
              "no NVML: GPU 0 (Fake H100 0) reads neither power (3 (Not Supported)) nor energy (3"
                  + " (Not Supported))");
    }
  }
}
