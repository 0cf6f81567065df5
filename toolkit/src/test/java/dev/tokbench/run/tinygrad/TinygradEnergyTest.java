package dev.tokbench.run.tinygrad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.energy.SourceConfig;
import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.process.Executables;
import dev.tokbench.results.BenchResult;
import dev.tokbench.run.EnergySettings;
import dev.tokbench.run.RunResult;
import dev.tokbench.testing.ConstantNvml;
import dev.tokbench.testing.RunFixtures;
import dev.tokbench.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tinygrad runs measured by a real sampler over a real NVML stand-in drawing a constant 150 W, with
 * a real process in tinygrad's place ({@code tinygrad-shaped.py}: every call really sleeps and is
 * timed with perf_counter, printed as llama3.py and the harness print theirs). Each row's joules
 * come from its own calls' windows: 150 W times the calls' times, warm-up calls apart, and a BEAM
 * search's whole launch beside its rows.
 */
class TinygradEnergyTest {
  @TempDir static Path dir;
  private static Path python;
  private static Path nvml;
  private static Path checkout;
  private static Path model;

  @BeforeAll
  static void setUp() throws Exception {
    assumeTrue(
        Executables.find("python3", Map.of()).isPresent(), "python3 runs the tinygrad stand-in");
    nvml = ConstantNvml.compile(dir, 150);
    python = Scripts.install(dir, "tinygrad-shaped.py", "python3");
    model = Files.writeString(dir.resolve("tiny-llama-Q6_K.gguf"), "GGUF");
    checkout = Files.createDirectories(dir.resolve("tinygrad/examples")).getParent();
    Files.writeString(checkout.resolve("examples/llama3.py"), "# replaced by the stand-in\n");
    Files.writeString(checkout.resolve("pyproject.toml"), "[project]\nversion = \"0.13.0\"\n");
  }

  private static EnergySettings nvml150(Duration period) {
    return EnergySettings.AUTO
        .withSources(List.of("nvml"))
        .withPeriod(period)
        .withIdle(Duration.ofMillis(100))
        .withWhere(SourceConfig.defaults().withNvml(nvml.toString()));
  }

  private static Tinygrad tinygrad(EnergySettings energy) {
    return Tinygrad.at(checkout)
        .python(python.toString())
        .model(model)
        .backend("CPU")
        .machine(Map.of("gpu", "test CPU"))
        .env("CACHEDB", dir.resolve("cache.db").toString())
        .env("FAKE_TEMPLATE", RunFixtures.path("tinygrad/beam/harness-cold.stdout").toString())
        .energy(energy);
  }

  private static double number(BenchResult row, String key) {
    assertThat(row.extra()).containsKey(key);
    return Double.parseDouble(row.extra().get(key));
  }

  /** The seconds the row's calls took, as the row records them (warm-up or kept). */
  private static double seconds(BenchResult row, boolean warmup) {
    String raw = row.nPrompt() > 0 ? row.extra().get("call_ms") : row.extra().get("token_ms");
    List<Double> ms =
        Arrays.stream(raw.split("[\\s|]+")).filter(s -> !s.isEmpty()).map(Double::valueOf).toList();
    int warm = Integer.parseInt(row.extra().get("warmup_calls"));
    List<Double> part = warmup ? ms.subList(0, warm) : ms.subList(warm, ms.size());
    return part.stream().mapToDouble(d -> d / 1000).sum();
  }

  private static void hasJoulesOfItsWindows(BenchResult row, double seconds, long tokens) {
    assertThat(number(row, "energy_s")).isCloseTo(seconds, offset(1e-5));
    assertThat(row.extra()).containsEntry("mean_w", "150.00").containsEntry("peak_w", "150.00");
    assertThat(number(row, "energy_j")).isCloseTo(150 * seconds, offset(0.002));
    assertThat(number(row, "j_per_tok")).isCloseTo(150 * seconds / tokens, offset(1e-5));
    assertThat(number(row, "energy_net_j")).isCloseTo(0, offset(0.002)); // idle is 150 W too
    assertThat(row.provenance())
        .containsEntry("energy_source", "nvml")
        .containsEntry("energy_idle_w", "150.00");
  }

  @Test
  void llama3sTokensGetTheJoulesOfTheirOwnTimesAndTheWarmupItsOwn() {
    RunResult r =
        tinygrad(nvml150(Duration.ofMillis(10)))
            .env("FAKE_TOKENS", "10")
            .env("FAKE_FIRST_MS", "60")
            .env("FAKE_CALL_MS", "30")
            .run();

    assertThat(r.rows()).hasSize(1);
    BenchResult row = r.rows().get(0);
    assertThat(row.ok()).as(row.reason()).isTrue();
    assertThat(row.extra()).containsEntry("warmup_tokens", "2").containsEntry("tokens_kept", "8");
    double kept = 8 * number(row, "total_ms_mean") / 1000; // the printed totals of the 8 kept
    hasJoulesOfItsWindows(row, kept, 8);
    // 8 tokens of 30 ms or more: many 10 ms periods, each window exact (not inferred)
    assertThat(row.extra().get("energy_flag")).doesNotContain("short", "back-to-back");
    // the two warm-up tokens: 150 W over their own printed times, each at least 60 ms
    assertThat(number(row, "warmup_energy_s")).isGreaterThanOrEqualTo(0.120);
    assertThat(number(row, "warmup_energy_j"))
        .isCloseTo(150 * number(row, "warmup_energy_s"), offset(0.002));
    assertThat(number(row, "warmup_j_per_tok"))
        .isCloseTo(number(row, "warmup_energy_j") / 2, offset(5e-4)); // energy_j has 3 decimals
  }

  @Test
  void harnessRowsInBeamPhasesGetTheirCallsJoulesAndTheSearchItsWholeLaunch() {
    List<BenchResult> streamed = Collections.synchronizedList(new ArrayList<>());
    RunResult r =
        tinygrad(nvml150(Duration.ofMillis(10)))
            .prefill(64)
            .gen(8)
            .repetitions(2)
            .cold(true)
            .beam(2)
            .env("FAKE_FIRST_MS", "40")
            .env("FAKE_CALL_MS", "15")
            .env("FAKE_GAP_MS", "5")
            .run(streamed::add);

    assertThat(r.rows()).containsExactlyElementsOf(streamed);
    assertThat(r.rows())
        .extracting(BenchResult::test)
        .containsExactly("pp64", "tg8", "search pp64", "search tg8", "pp64", "tg8");
    for (BenchResult row : r.rows()) {
      assertThat(row.ok()).as(row.reason()).isTrue();
      long tokens = row.nPrompt() > 0 ? 2L * row.nPrompt() : 2L * row.nGen() - 2;
      hasJoulesOfItsWindows(row, seconds(row, false), tokens);
      // stamped by the harness: exact windows, not inferred back to back
      assertThat(row.extra().get("energy_flag")).doesNotContain("back-to-back");
      assertThat(number(row, "warmup_energy_s")).isCloseTo(seconds(row, true), offset(1e-5));
    }
    for (BenchResult row : r.rows()) {
      boolean search = BeamPhase.of(row).orElseThrow() == BeamPhase.SEARCH;
      assertThat(row.extra().containsKey("phase_energy_j")).isEqualTo(search);
      if (!search) continue;
      // the whole launch: process start to exit, more than its calls alone
      double launch = number(row, "phase_energy_s");
      assertThat(launch).isGreaterThan(seconds(row, false) + seconds(row, true));
      assertThat(launch)
          .isLessThanOrEqualTo(Double.parseDouble(row.extra().get("phase_wall_s")) + 0.1);
      assertThat(row.extra()).containsEntry("phase_mean_w", "150.00");
      assertThat(number(row, "phase_energy_j")).isCloseTo(150 * launch, offset(0.002));
      assertThat(row.extra()).doesNotContainKey("phase_j_per_tok");
    }
  }

  @Test
  void anOlderHarnessLineIsPlacedBackToBackAndSaysSoAndShortWindowsAreFlagged() {
    RunResult r =
        tinygrad(nvml150(Duration.ofMillis(50)))
            .prefill(32)
            .gen(0)
            .repetitions(2)
            .env("FAKE_OLD", "1")
            .env("FAKE_FIRST_MS", "20")
            .env("FAKE_CALL_MS", "10")
            .run();

    BenchResult pp = r.rows().get(0);
    assertThat(pp.ok()).as(pp.reason()).isTrue();
    assertThat(pp.extra()).doesNotContainKey("call_start_ago_ms");
    hasJoulesOfItsWindows(pp, seconds(pp, false), 64);
    // two 10 ms calls are far below five 50 ms periods
    assertThat(pp.extra().get("energy_flag").split(",")).contains("back-to-back", "short");
  }

  @Test
  void offMeasuresNothingAndEveryRowSaysSo() {
    RunResult r = tinygrad(EnergySettings.OFF).env("FAKE_TOKENS", "4").run();

    assertThat(r.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.ok()).isTrue();
              assertThat(row.provenance()).containsEntry("energy_source", "off");
              assertThat(row.extra()).doesNotContainKey("energy_j");
            });
  }
}
