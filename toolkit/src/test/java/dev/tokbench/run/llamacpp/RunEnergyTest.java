package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.energy.SourceConfig;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.run.EnergySettings;
import dev.tokbench.run.RunResult;
import dev.tokbench.testing.ConstantNvml;
import dev.tokbench.testing.FakeLlamaBench;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A llama-bench run (a compiled stand-in, a real process) measured by a real sampler over a real
 * shared library in NVML's place that reports a constant 150 W: every row gets its joules from the
 * window its output line says it ran in, and a machine without any source still runs, its rows
 * saying so.
 */
class RunEnergyTest {
  @TempDir static Path dir;
  private static Path fake;
  private static Path nvml;
  private static final Path F16 = RunFixtures.path("../gguf/tiny-llama-F16.gguf");
  private static final Path Q8 = RunFixtures.path("../gguf/tiny-llama-Q8_0.gguf");

  @BeforeAll
  static void compile() throws Exception {
    fake = FakeLlamaBench.compile(dir);
    nvml = ConstantNvml.compile(dir, 150);
  }

  private static LlamaBench bench(EnergySettings energy, String crashAt) {
    return LlamaBench.at(fake)
        .model(F16, Q8)
        .prompt(64)
        .gen(32)
        .flashAttention(FlashAttention.OFF)
        .repetitions(2)
        .env("FAKE_ROW", FakeLlamaBench.row().toString())
        .env("FAKE_TEST_MS", "120")
        .env("FAKE_CRASH_AT", crashAt)
        .env("FAKE_CRASH_HOW", "segv")
        .energy(energy)
        .continueAfterFailure(true)
        .machine(Map.of("host", "fake"));
  }

  @Test
  void everyRowGetsTheJoulesOfItsOwnWindow() {
    Path trace = dir.resolve("trace.csv");
    EnergySettings nvml150 =
        EnergySettings.AUTO
            .withSources(List.of("nvml"))
            .withPeriod(Duration.ofMillis(20))
            .withIdle(Duration.ofMillis(100))
            .withTrace(trace)
            .withWhere(SourceConfig.defaults().withNvml(nvml.toString()));
    List<BenchResult> streamed = Collections.synchronizedList(new ArrayList<>());

    RunResult r = bench(nvml150, "model=" + Q8 + " fa=0 test=pp64").run(streamed::add);

    assertThat(r.rows()).hasSize(4).containsExactlyElementsOf(streamed);
    List<BenchResult> ok = r.rows().stream().filter(BenchResult::ok).toList();
    assertThat(ok).hasSize(3);
    for (BenchResult row : ok) {
      Map<String, String> e = row.extra();
      double seconds = Double.parseDouble(e.get("energy_s"));
      double runs = 0;
      for (String ns : e.get("samples_ns").split(";")) runs += Long.parseLong(ns) / 1e9;
      // the window is the repetitions' own time, ending when the row's line arrived
      assertThat(seconds).isCloseTo(runs, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(e).containsEntry("mean_w", "150.00").containsEntry("peak_w", "150.00");
      assertThat(Double.parseDouble(e.get("energy_j")))
          .isCloseTo(150 * seconds, org.assertj.core.data.Offset.offset(0.002));
      long tokens = 2L * (row.nPrompt() + row.nGen());
      assertThat(Double.parseDouble(e.get("j_per_tok")))
          .isCloseTo(150 * seconds / tokens, org.assertj.core.data.Offset.offset(1e-5));
      assertThat(Integer.parseInt(e.get("energy_samples"))).isPositive();
      assertThat(row.provenance())
          .containsEntry("energy_source", "nvml")
          .containsEntry("energy_period_ms", "20")
          .containsEntry("energy_idle_w", "150.00")
          .containsEntry("energy_nvml_library", nvml.toString());
    }
    BenchResult crashed = r.rows().get(2);
    assertThat(crashed.ok()).isFalse();
    assertThat(crashed.extra()).containsEntry("energy_flag", "not-covered");
    assertThat(crashed.provenance()).containsEntry("energy_source", "nvml");
    assertThat(trace).isNotEmptyFile();
  }

  @Test
  void withProgressEachRepetitionGetsItsOwnWindowAndAPgTestIsSplit() {
    EnergySettings nvml150 =
        EnergySettings.AUTO
            .withSources(List.of("nvml"))
            .withPeriod(Duration.ofMillis(20))
            .withIdle(Duration.ofMillis(100))
            .withWhere(SourceConfig.defaults().withNvml(nvml.toString()));

    RunResult r =
        LlamaBench.at(fake)
            .model(F16)
            .prompt(64)
            .gen(0)
            .promptGen(32, 16)
            .flashAttention(FlashAttention.OFF)
            .repetitions(3)
            .env("FAKE_ROW", FakeLlamaBench.row().toString())
            .env("FAKE_TEST_MS", "100")
            .energy(nvml150)
            .machine(Map.of("host", "fake"))
            .run();

    assertThat(r.rows()).hasSize(2).allMatch(BenchResult::ok);
    for (BenchResult row : r.rows()) {
      // the fake says --help names --progress, so the run asked for the progress lines
      assertThat(row.provenance().get("command")).contains("--progress");
      Map<String, String> e = row.extra();
      assertThat(e.get("energy_flag")).as(e.toString()).doesNotContain("back-to-back");
      String[] ns = e.get("samples_ns").split(";");
      String[] reps = e.get("rep_energy_j").split(";", -1);
      assertThat(reps).hasSize(3);
      assertThat(e.get("rep_mean_w").split(";")).containsOnly("150.00");
      double sum = 0;
      for (int i = 0; i < 3; i++) {
        double s = Long.parseLong(ns[i].strip()) / 1e9;
        sum += s;
        // each repetition: 150 W over its own samples_ns
        assertThat(Double.parseDouble(reps[i]))
            .isCloseTo(150 * s, org.assertj.core.data.Offset.offset(0.002));
      }
      assertThat(Double.parseDouble(e.get("energy_s")))
          .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
    }
    Map<String, String> pg = r.rows().get(1).extra();
    assertThat(r.rows().get(1).test()).isEqualTo("pp32+tg16");
    // split at each repetition's "generation run i/r": the parts add up to the whole
    double pp = Double.parseDouble(pg.get("pp_energy_s"));
    double tg = Double.parseDouble(pg.get("tg_energy_s"));
    assertThat(pp).isPositive();
    assertThat(tg).isPositive();
    assertThat(pp + tg)
        .isCloseTo(
            Double.parseDouble(pg.get("energy_s")), org.assertj.core.data.Offset.offset(2e-6));
    assertThat(pg).containsEntry("pp_mean_w", "150.00").containsEntry("tg_mean_w", "150.00");
  }

  @Test
  void aRealLlamaBenchsProgressLinesGiveEveryRepetitionAndTheWarmupTheirWindows() {
    Optional<Path> real = LlamaBench.find();
    String why = "no llama-bench on the PATH and LLAMA_BENCH is not set";
    if (real.isEmpty()) System.out.println("RunEnergyTest real llama-bench case skipped: " + why);
    assumeTrue(real.isPresent(), why);
    EnergySettings nvml150 =
        EnergySettings.AUTO
            .withSources(List.of("nvml"))
            .withPeriod(Duration.ofMillis(5))
            .withIdle(Duration.ofMillis(50))
            .withWhere(SourceConfig.defaults().withNvml(nvml.toString()));

    RunResult r =
        LlamaBench.at(real.get())
            .model(F16)
            .prompt(32)
            .gen(8)
            .promptGen(16, 4)
            .depth(0, 8)
            .repetitions(2)
            .energy(nvml150)
            .timeout(Duration.ofMinutes(3))
            .machine(Map.of("host", "test"))
            .run();

    assertThat(r.rows()).as(r.toString()).hasSize(6).allMatch(BenchResult::ok);
    for (BenchResult row : r.rows()) {
      Map<String, String> e = row.extra();
      assertThat(row.provenance().get("command")).contains("--progress");
      assertThat(e.get("energy_flag")).as(row.test()).doesNotContain("back-to-back");
      String[] ns = e.get("samples_ns").split(";");
      String[] reps = e.get("rep_energy_j").split(";", -1);
      assertThat(reps).hasSize(2);
      for (int i = 0; i < 2; i++) {
        assertThat(Double.parseDouble(reps[i]))
            .isCloseTo(
                150 * Long.parseLong(ns[i].strip()) / 1e9,
                org.assertj.core.data.Offset.offset(0.002));
      }
      // llama-bench warms up each test before its repetitions: a window of its own
      assertThat(Double.parseDouble(e.get("warmup_energy_s"))).isPositive();
      assertThat(e).containsEntry("warmup_mean_w", "150.00");
    }
  }

  @Test
  void withoutAnySourceTheRunStillRunsAndItsRowsSayWhy() {
    EnergySettings nowhere =
        EnergySettings.AUTO.withWhere(
            SourceConfig.defaults()
                .withNvml(dir.resolve("no-such-libnvidia-ml.so").toString())
                .withPowercap(dir.resolve("no-powercap"))
                .withEnv(Map.of("PATH", dir.toString())));

    RunResult r = bench(nowhere, "none").run();

    assertThat(r.rows()).hasSize(4).allMatch(BenchResult::ok);
    for (BenchResult row : r.rows()) {
      assertThat(row.provenance()).containsEntry("energy_source", "none");
      assertThat(row.provenance().get("energy_unavailable"))
          .contains("nvml: ", "nvidia-smi: ", "tegrastats: ", "rapl: ");
      assertThat(row.extra()).doesNotContainKey("energy_j");
    }
  }

  @Test
  void offMeasuresNothingAndSaysSo() {
    RunResult r = bench(EnergySettings.OFF, "none").run();

    assertThat(r.rows()).hasSize(4).allMatch(BenchResult::ok);
    assertThat(r.rows())
        .allSatisfy(row -> assertThat(row.provenance()).containsEntry("energy_source", "off"));
  }
}
