package dev.tokbench.energy;

import static dev.tokbench.energy.Fixtures.UTC;
import static dev.tokbench.energy.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background sampler on real sources: the stand-in NVML library, and stand-in nvidia-smi and
 * tegrastats processes. The powers are constant or played back, so the figures are checked by
 * relations that hold however the sampler was scheduled, never by wall-clock times.
 */
class EnergyMeterTest {
  @TempDir Path dir;

  @Test
  void samplingNvmlWritesATraceThatReadsBackToTheSameJoules() throws Exception {
    Trace h100 = Traces.read(resource("h100-telemetry.csv"), UTC);
    Path lib = FakeNvml.compile(dir, "meter", FakeNvml.rows(dir, h100));
    Path traceFile = dir.resolve("out/trace.csv");
    Measurement m;
    try (Probe probe =
            Probe.of(SourceConfig.defaults().withNvml(lib.toString()), List.of("nvml"), true);
        EnergyMeter meter =
            EnergyMeter.start(List.of(probe.require()), Duration.ofMillis(20), traceFile)) {
      meter.idle(Duration.ofMillis(100));
      Thread.sleep(200);
      m = meter.stop();
    }
    Trace back = Traces.read(traceFile);

    assertThat(m.samples()).isNotEmpty();
    assertThat(back.samples()).hasSize(m.samples().size());
    assertThat(back.energy(m.run()).joules()).isCloseTo(m.energy().joules(), within(1e-6));
    assertThat(m.energy().channels().get(0).counter()).isTrue();
    assertThat(m.energy().flags()).doesNotContain(EnergyFlag.CLIPPED, EnergyFlag.NOT_COVERED);
    assertThat(m.provenance())
        .containsEntry("energy_source", "nvml")
        .containsEntry("energy_period_ms", "20");
    assertThat(m.baseline()).isNotNull();
  }

  @Test
  void nvidiaSmiAsAProcessFallsBackToPowerDrawOnAnOldDriver() throws Exception {
    Map<String, String> env =
        new java.util.HashMap<>(Scripts.path(dir.resolve("bin"), "nvidia-smi"));
    env.put("FAKE_NO_INSTANT", "1");
    SourceConfig config = SourceConfig.defaults().withEnv(env);
    Measurement m;
    try (Probe probe = Probe.of(config, List.of("nvidia-smi"), true);
        EnergyMeter meter = EnergyMeter.start(List.of(probe.require()), Duration.ofMillis(50))) {
      waitForSamples(meter, m0 -> m0 >= 4);
      m = meter.stop();
    }
    Trace t = m.trace().orElseThrow();

    assertThat(m.sources().get(0).provenance())
        .containsEntry("energy_nvidia_smi_field", "power.draw");
    assertThat(t.energy().meanW()).isCloseTo(250.0, within(1e-9));
    assertThat(t.samples().get(0).readings().smMhz()).isEqualTo(1980);
  }

  @Test
  void tegrastatsRailsWithThePowerModeAsProvenance() throws Exception {
    Path sys = dir.resolve("sys-root");
    Path cpu = Files.createDirectories(sys.resolve("sys/devices/system/cpu/cpu0/cpufreq"));
    Files.writeString(cpu.resolve("scaling_min_freq"), "1510400\n");
    Files.writeString(cpu.resolve("scaling_max_freq"), "1510400\n");
    Path gpu = Files.createDirectories(sys.resolve("sys/class/devfreq/17000000.gpu"));
    Files.writeString(gpu.resolve("min_freq"), "306000000\n");
    Files.writeString(gpu.resolve("max_freq"), "624750000\n");
    SourceConfig config =
        SourceConfig.defaults()
            .withSysRoot(sys)
            .withEnv(Scripts.path(dir.resolve("bin"), "tegrastats", "nvpmodel"));
    Measurement m;
    try (Probe probe = Probe.of(config, List.of("tegrastats"), true);
        EnergyMeter meter = EnergyMeter.start(List.of(probe.require()), Duration.ofMillis(50))) {
      waitForSamples(meter, n -> n >= 12);
      m = meter.stop();
    }
    WindowEnergy e = m.trace().orElseThrow().energy();

    assertThat(m.provenance())
        .containsEntry("jetson_power_mode", "15W (0)")
        .containsEntry("jetson_clocks", "off");
    assertThat(e.meanW()).isCloseTo(5.0, within(1e-9));
    assertThat(e.channels())
        .extracting(ChannelEnergy::channel)
        .containsExactly("VDD_IN", "VDD_CPU_GPU_CV", "VDD_SOC");
  }

  /** Waits (a bounded time) until the meter holds enough samples; the test never times anything. */
  private static void waitForSamples(EnergyMeter meter, java.util.function.IntPredicate enough)
      throws Exception {
    for (int i = 0; i < 200; i++) {
      if (enough.test(meter.sampleCount())) return;
      Thread.sleep(25);
    }
  }
}
