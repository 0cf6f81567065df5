package dev.tokbench.formats.tinygrad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.synth.Synth;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real output of {@code scripts/tinygrad_bench.py} on tinygrad's CPU backend (a 2-core shared VM,
 * clang 14): a synthetic LLaMA-3.2-1B Q6_K through tinygrad 0.13.0 (a9069c177a), a two-layer model
 * of the same widths at depth 32 and through tinygrad 0.10.3, and runs that failed.
 */
class TinygradBenchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path harness(String name) {
    return RunFixtures.path("tinygrad/harness/" + name);
  }

  private static List<JsonNode> lines(String name) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(harness(name))) out.add(JSON.readTree(l));
    return out;
  }

  private static List<Double> doubles(JsonNode array) {
    List<Double> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asDouble()));
    return out;
  }

  @Test
  void theOneBillionRunGivesPpAndTgRowsNamedAndCountedLikeLlamaBench() {
    List<BenchResult> rows = TinygradBench.read(harness("cpu_1b_q6k_pp64_tg16.stdout"));

    assertThat(rows).extracting(BenchResult::test).containsExactly("pp64", "tg16");
    BenchResult pp = rows.get(0);
    BenchResult tg = rows.get(1);
    assertThat(pp.ok()).as(pp.reason()).isTrue();
    assertThat(tg.ok()).as(tg.reason()).isTrue();
    assertThat(List.of(pp.nPrompt(), pp.nGen(), tg.nPrompt(), tg.nGen()))
        .containsExactly(64, 0, 0, 16);
    for (BenchResult r : rows) {
      assertThat(r.framework()).isEqualTo("tinygrad");
      assertThat(r.backend()).isEqualTo("CPU");
      assertThat(r.model()).isEqualTo("llama-3.2-1b");
      assertThat(r.quant()).isEqualTo("Q6_K");
      assertThat(r.samples()).hasSize(3);
    }
  }

  @Test
  void modelSizeAndParametersAreLlamaBenchsCountsOfTheGgufsTensors() {
    BenchResult pp = TinygradBench.read(harness("cpu_1b_q6k_pp64_tg16.stdout")).get(0);
    var plan = Synth.shape("llama-3.2-1b").type("Q6_K").plan();

    assertThat(pp.modelBytes()).isEqualTo(plan.tensorBytes());
    assertThat(pp.nParams()).isEqualTo(plan.params());
  }

  @Test
  void promptSamplesArePromptTokensOverEachTimedCallAfterTinyJitsTwo() throws Exception {
    JsonNode line = lines("cpu_1b_q6k_pp64_tg16.stdout").get(0);
    BenchResult pp = TinygradBench.read(harness("cpu_1b_q6k_pp64_tg16.stdout")).get(0);

    List<Double> expected = doubles(line.get("rep_ms")).stream().map(ms -> 64e3 / ms).toList();
    assertThat(line.get("warmup_ms")).hasSize(2);
    assertThat(pp.samples()).containsExactlyElementsOf(expected);
    assertThat(pp.tokensPerSMean()).isCloseTo(line.get("avg_ts").asDouble(), within(1e-9));
    assertThat(pp.tokensPerSStddev()).isCloseTo(line.get("stddev_ts").asDouble(), within(1e-9));
    assertThat(pp.extra())
        .containsEntry("warmup_calls", "2")
        .containsEntry("calls_kept", "3")
        .containsEntry("warmup_rule", "first 2 tokens discarded");
    assertThat(pp.flags()).containsEntry("pp_path", "jit").containsEntry("DEV", "CPU");
  }

  @Test
  void decodeDropsTheJitsTwoCallsFromTheFirstRepOnlyAndSamplesEachRep() throws Exception {
    JsonNode line = lines("cpu_1b_q6k_pp64_tg16.stdout").get(1);
    BenchResult tg = TinygradBench.read(harness("cpu_1b_q6k_pp64_tg16.stdout")).get(1);

    List<Double> first = doubles(line.get("token_ms").get(0)).subList(2, 16);
    List<Double> second = doubles(line.get("token_ms").get(1));
    assertThat(tg.samples().get(0))
        .isCloseTo(14e3 / first.stream().mapToDouble(d -> d).sum(), within(1e-9));
    assertThat(tg.samples().get(1))
        .isCloseTo(16e3 / second.stream().mapToDouble(d -> d).sum(), within(1e-9));
    assertThat(tg.tokensPerSMean()).isCloseTo(line.get("avg_ts").asDouble(), within(1e-9));
    assertThat(tg.extra()).containsEntry("warmup_calls", "2").containsEntry("calls_kept", "46");
    assertThat(tg.extra().get("token_ms").split(" \\| ")).hasSize(3);
    assertThat(tg.flags()).doesNotContainKey("pp_path");
  }

  @Test
  void anotherWarmupRuleIsAppliedToTheCallsInTheOrderTheyRan() {
    List<BenchResult> rows =
        TinygradBench.read(
            harness("cpu_1b_q6k_pp64_tg16.stdout"), WarmupRule.firstTokens(0), Map.of());

    assertThat(rows.get(0).samples()).hasSize(5);
    assertThat(rows.get(1).extra()).containsEntry("calls_kept", "48");
    assertThat(rows.get(1).tokensPerSMean())
        .isLessThan(
            TinygradBench.read(harness("cpu_1b_q6k_pp64_tg16.stdout")).get(1).tokensPerSMean());
  }

  @Test
  void provenanceNamesTheCheckoutTheHostAndTheBeamCache() {
    BenchResult tg = TinygradBench.read(harness("cpu_1b_q6k_pp64_tg16.stdout")).get(1);

    assertThat(tg.provenance())
        .containsEntry("tinygrad_version", "0.13.0")
        .containsEntry("tinygrad_commit", "a9069c177a9da9cca18593edf55acd2e6073cca6")
        .containsEntry("tinygrad_tested", "true")
        .containsEntry("harness", "tokbench.tinygrad_bench/1")
        .containsEntry("tinygrad_device", "CPU")
        .containsEntry("beam_cache", "/tmp/tgres/cache.db (absent)")
        .containsKey("beam_cache_bytes_after")
        .containsKey("python_version")
        .containsEntry("source", harness("cpu_1b_q6k_pp64_tg16.stdout").toString());
    assertThat(tg.flags()).containsEntry("beam_cache_existed", "false").containsEntry("seed", "42");
    assertThat(tg.extra()).containsKey("load_ms").containsEntry("shape_n_layers", "16");
  }

  @Test
  void aDepthRunIsNamedAtDepthAndTheForwardPathIsAFlag() {
    List<BenchResult> rows = TinygradBench.read(harness("cpu_l2_q6k_d32_forward.stdout"));

    assertThat(rows).extracting(BenchResult::test).containsExactly("pp32 @ d32", "tg8 @ d32");
    assertThat(rows).allSatisfy(r -> assertThat(r.nDepth()).isEqualTo(32));
    assertThat(rows).allSatisfy(r -> assertThat(r.ok()).isTrue());
    assertThat(rows.get(0).flags()).containsEntry("pp_path", "forward");
    assertThat(rows.get(1).extra()).containsEntry("first_position", "32");
    assertThat(rows.get(0).model()).isEqualTo("llama-3.2-1b-l2");
  }

  @Test
  void tinygrad0103SelectsItsBackendTheOldWayAndStillGivesRows() {
    List<BenchResult> rows = TinygradBench.read(harness("cpu_l2_q6k_v0103.stdout"));

    assertThat(rows).allSatisfy(r -> assertThat(r.ok()).as(r.reason()).isTrue());
    assertThat(rows.get(0).backend()).isEqualTo("CPU");
    assertThat(rows.get(0).flags()).containsEntry("CPU", "1").doesNotContainKey("DEV");
    assertThat(rows.get(0).provenance()).containsEntry("tinygrad_version", "0.10.3");
  }

  @Test
  void aTerminatedRunKeepsItsFinishedTestAndFailsTheRest() {
    List<BenchResult> rows = TinygradBench.read(harness("cpu_l2_q6k_sigterm.stdout"));

    assertThat(rows).extracting(BenchResult::test).containsExactly("pp32", "tg64");
    assertThat(rows.get(0).ok()).isTrue();
    assertThat(rows.get(1).status()).isEqualTo(Status.FAILED);
    assertThat(rows.get(1).reason())
        .startsWith("tinygrad_bench.py failed (run): Terminated: terminated by signal 15")
        .contains("in on_sigterm")
        .doesNotEndWith("(SIGTERM)");
    assertThat(rows.get(1).nGen()).isEqualTo(64);
    assertThat(rows.get(1).model()).isEqualTo("llama-3.2-1b-l2");
  }

  @Test
  void aCheckoutTooOldIsAFailedRowForEveryPlannedTest() {
    List<BenchResult> rows = TinygradBench.read(harness("too_old.stdout"));

    assertThat(rows).extracting(BenchResult::test).containsExactly("pp512", "tg128");
    assertThat(rows)
        .allSatisfy(
            r ->
                assertThat(r.reason())
                    .startsWith("tinygrad_bench.py failed (check): HarnessError: tinygrad 0.10.2")
                    .contains("needs 0.10.3 or later"));
  }

  @Test
  void aQwenModelIsRefusedBeforeTinygradLoadsIt() {
    BenchResult row = TinygradBench.read(harness("qwen3.stdout")).get(0);

    assertThat(row.status()).isEqualTo(Status.FAILED);
    assertThat(row.reason()).contains("architecture 'qwen3', but llama3.py's model is LLaMA only");
    assertThat(row.model()).isEqualTo("small-qwen3");
    assertThat(row.quant()).isEqualTo("F16");
  }
}
