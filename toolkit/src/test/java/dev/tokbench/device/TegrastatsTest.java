package dev.tokbench.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tokbench.run.RunResult;
import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.testing.RunFixtures;
import dev.tokbench.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tegrastats lines and sampling. The real line is from a Jetson AGX Orin Developer Kit on JetPack
 * 7.2 (L4T R39.2), published in rbonghi/jetson_stats (jtop/tests/test_06_tegra_parse.py); the fake
 * {@code tegrastats} in resources/run/scripts prints it at the requested interval.
 */
class TegrastatsTest {
  static final String ORIN_JP72 =
      "07-25-2026 09:08:28 RAM 20642/62817MB (lfb 1x2MB) CPU [23%@2201,10%@2201,4%@2201,14%@2201,"
          + "30%@2201,18%@2201,10%@2201,10%@2201,33%@2201,7%@2201,5%@2201,27%@2201] EMC_FREQ"
          + " 3%@3199 GR3D_FREQ 12%@[1300,1300] NVENC0 off NVDEC0 off NVJPG0 off NVJPG1 off VIC off"
          + " OFA off NVDLA0 off NVDLA1 off PVA0_FREQ off APE 174 cpu@52.968C/52.968C"
          + " soc2@48.406C/48.406C soc0@49.531C/49.531C gpu@47.625C/47.625C VDD_GPU_SOC"
          + " 5139mW/5139mW/5139mW VDD_CPU_CV 3268mW/3268mW/3268mW VIN_SYS_5V0"
          + " 5500mW/5500mW/5500mW";

  @TempDir Path dir;

  @Test
  void aJetPack7OrinLineGivesRamEmcGr3dTemperaturesAndRails() {
    TegraSample s = TegraSample.parse(ORIN_JP72);

    assertThat(s.ramUsedMb()).isEqualTo(20642);
    assertThat(s.ramTotalMb()).isEqualTo(62817);
    assertThat(s.emcPercent()).isEqualTo(3);
    assertThat(s.emcMhz()).isEqualTo(3199);
    assertThat(s.gr3dPercent()).isEqualTo(12);
    assertThat(s.gr3dMhz()).isEqualTo(1300);
    assertThat(s.temperaturesC())
        .containsOnlyKeys("cpu", "soc2", "soc0", "gpu")
        .containsEntry("gpu", 47.625);
    assertThat(s.powerMw())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("VDD_GPU_SOC", 5139.0, "VDD_CPU_CV", 3268.0, "VIN_SYS_5V0", 5500.0));
  }

  @Test
  void olderFormsOfRailsAndGpuClockAreReadToo() {
    // L4T 32 prints rails as current/average without units and GR3D as one pair: this is the line
    // jetson_stats' tegrastats emulator prints for a TX2 (the format, not a capture)
    TegraSample tx2 =
        TegraSample.parse(
            "RAM 4722/7844MB (lfb 1x512kB) CPU [55%@2035,14%@2034] SWAP 149/1024MB (cached 7MB)"
                + " EMC_FREQ 2%@1866 GR3D_FREQ 61%@1300 APE 150 BCPU@-45C GPU@-51C"
                + " Tboard@37C VDD_IN 14025/14416 VDD_GPU 6854/6903 VDD_WIFI 19/19");
    // Thor prints the GPC clocks without a load
    TegraSample thor =
        TegraSample.parse(
            "RAM 4722/7844MB (lfb 1x512kB) EMC_FREQ 2%@1866 GR3D_FREQ @[1000,1000,1000] APE 150");

    assertThat(tx2.gr3dPercent()).isEqualTo(61);
    assertThat(tx2.powerMw()).containsOnlyKeys("VDD_IN", "VDD_GPU", "VDD_WIFI");
    assertThat(tx2.powerMw()).containsEntry("VDD_IN", 14025.0);
    assertThat(tx2.temperaturesC()).containsEntry("BCPU", -45.0).containsEntry("Tboard", 37.0);
    assertThat(thor.gr3dPercent()).isNaN();
    assertThat(thor.gr3dMhz()).isEqualTo(1000);
  }

  @Test
  void samplingAFakeTegrastatsGivesMinMaxMeanForTheRunsProvenance() throws Exception {
    Scripts.install(dir, "tegrastats");
    Map<String, String> env = Map.of("PATH", dir + ":" + System.getenv("PATH"));

    TegraSummary summary;
    try (Tegrastats t = Tegrastats.start(env, Duration.ofMillis(100))) {
      assertThat(t.sampling()).isTrue();
      summary = firstSamples(t);
    }

    assertThat(summary.samples()).isNotEmpty();
    assertThat(summary.gr3dPercent().mean()).isCloseTo(12.0, within(1e-9));
    assertThat(summary.powerMw("VIN_SYS_5V0").max()).isEqualTo(5500.0);
    assertThat(summary.provenance())
        .containsEntry("tegrastats_gr3d_percent", "12.0/12.0/12.0")
        .containsEntry("tegrastats_emc_percent", "3.0/3.0/3.0")
        .containsEntry("tegrastats_power_mw.VDD_GPU_SOC", "5139.0/5139.0/5139.0")
        .containsEntry("tegrastats_temp_c_max.gpu", "47.6")
        .containsEntry("tegrastats_ram_used_mb_max", "20642.0");
  }

  @Test
  void withoutTegrastatsNothingIsStartedAndNothingRecorded() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    try (Tegrastats t = Tegrastats.start(Map.of("PATH", empty.toString()))) {
      assertThat(t.sampling()).isFalse();
      assertThat(t.drain().provenance()).isEmpty();
    }
  }

  /** Polls for the first samples instead of sleeping a fixed time: a loaded CI machine is slow. */
  private static TegraSummary firstSamples(Tegrastats t) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Thread.sleep(50);
      TegraSummary s = t.drain();
      if (!s.isEmpty()) return s;
    }
    return t.drain();
  }

  @Test
  void aLlamaBenchRunOnAJetsonRecordsWhatTegrastatsSawOnItsRows() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Scripts.install(bin, "tegrastats");
    Path replay = Scripts.install(dir, "replay.sh");

    RunResult r =
        LlamaBench.at(replay)
            .env("PATH", bin + ":" + System.getenv("PATH"))
            .env("REPLAY_STDOUT", RunFixtures.path("llama-bench/cpu-tiny.jsonl").toString())
            .env("REPLAY_DELAY", "0.3")
            .machine(Map.of("host", "orin"))
            .run();

    assertThat(r.allOk()).isTrue();
    assertThat(r.rows())
        .anySatisfy(
            row ->
                assertThat(row.provenance())
                    .containsKey("tegrastats_samples")
                    .containsEntry("tegrastats_gr3d_percent", "12.0/12.0/12.0"));
  }
}
