package dev.tokbench.run.tinygrad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.formats.Import;
import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.formats.tinygrad.TinygradBench;
import dev.tokbench.formats.tinygrad.TinygradLog;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import dev.tokbench.results.Stats;
import dev.tokbench.results.Status;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real H200 run of {@code scripts/gpu/tinygrad-h200.sh} ({@code run/tinygrad/h200/}, its README
 * says how and what else ran on the machine): each step's rows read back with their phases and
 * cache provenance, the search the script's budget cut kept as failed rows saying SIGTERM, and
 * every rate recomputed from the raw streams split out of the run logs, not taken from the rows.
 */
class H200TinygradOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path file(String name) {
    return RunFixtures.path("tinygrad/h200/" + name);
  }

  private static List<BenchResult> rows(String step) {
    return ResultsFile.read(file(step + ".jsonl"));
  }

  private static List<String> phasesAndTests(List<BenchResult> rows) {
    return rows.stream()
        .map(r -> BeamPhase.of(r).orElseThrow().name().toLowerCase() + " " + r.test())
        .toList();
  }

  @Test
  void theHarnessColdRowsAreTheRawLinesRatesOnAFreshCache() throws Exception {
    List<BenchResult> rows = rows("harness-cold");
    List<BenchResult> raw = TinygradBench.read(file("harness-cold.cold.stdout"));

    assertThat(phasesAndTests(rows)).containsExactly("cold pp512", "cold tg128");
    assertThat(rows).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.OK));
    assertThat(rows).extracting(BenchResult::device).containsOnly("NVIDIA H200");
    assertThat(rows)
        .extracting(BenchResult::samples)
        .containsExactlyElementsOf(raw.stream().map(BenchResult::samples).toList());
    assertThat(rows).allSatisfy(H200TinygradOutputsTest::meanAndSpreadAreTheSamples);
    BenchResult pp = rows.get(0);
    assertThat(pp.samples()).containsExactlyElementsOf(ppRatesFromRepTimes("harness-cold.cold"));
    assertThat(pp.flags()).containsEntry("beam_cache_fresh", "true");
    assertThat(pp.flags()).containsEntry("beam_cache_existed", "false");
    assertThat(pp.provenance()).containsEntry("beam_cache_bytes_before", "0");
    assertThat(pp.tokensPerSMean()).isBetween(2600.0, 2610.0);
  }

  @Test
  void llama3sColdSearchAndWarmRowsAreItsThreeLogsReadByTinygradLog() {
    List<BenchResult> rows = rows("llama3");

    assertThat(phasesAndTests(rows))
        .containsExactly("cold tg20", "search search tg20", "warm tg20");
    String[] phase = {"cold", "search", "warm"};
    for (int i = 0; i < 3; i++) {
      BenchResult raw = TinygradLog.read(file("llama3." + phase[i] + ".stdout"));
      assertThat(rows.get(i).samples()).as(phase[i]).isEqualTo(raw.samples());
      meanAndSpreadAreTheSamples(rows.get(i));
    }
    BenchResult search = rows.get(1);
    BenchResult warm = rows.get(2);
    assertThat(search.flags()).containsEntry("JITBEAM", "2").containsEntry("phase", "search");
    assertThat(search.extra()).containsEntry("phase_wall_s", "145.5");
    assertThat(search.provenance())
        .containsEntry("beam_cache_bytes_before", "0")
        .containsEntry("beam_cache_bytes_after", "37335216");
    assertThat(warm.flags()).containsEntry("beam_search_finished", "true");
    assertThat(warm.flags()).containsEntry("beam_cache_existed", "true");
    assertThat(warm.provenance()).containsEntry("beam_cache_bytes_before", "37335216");
    assertThat(warm.tokensPerSMean() / rows.get(0).tokensPerSMean()).isBetween(1.9, 2.1);
  }

  @Test
  void theSearchTheScriptsBudgetCutIsFourFailedRowsSayingSigterm() {
    List<BenchResult> rows = rows("harness-beam");

    assertThat(phasesAndTests(rows))
        .containsExactly("search search pp512", "search search tg128", "warm pp512", "warm tg128");
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(Status.FAILED);
              assertThat(r.reason()).contains("terminated by signal 15 (SIGTERM)");
              assertThat(r.samples()).isEmpty();
            });
    assertThat(rows.get(0).extra()).containsEntry("phase_wall_s", "159.1");
    assertThat(rows.get(2).flags()).containsEntry("beam_search_finished", "false");
    // the kernels the cut search had found stayed in the cache the warm launch started on
    assertThat(rows.get(2).provenance()).containsEntry("beam_cache_bytes_before", "74827032");
    assertThat(TinygradBench.read(file("harness-beam.search.stdout")))
        .extracting(BenchResult::test, BenchResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("pp512", Status.FAILED),
            org.assertj.core.groups.Tuple.tuple("tg128", Status.FAILED));
  }

  @Test
  void theLeadsSecondHarnessSearchFinishedAndItsWarmRowsAreTheRawLines() throws Exception {
    List<BenchResult> rows = rows("harness-beam2");

    assertThat(phasesAndTests(rows))
        .containsExactly("search search pp512", "search search tg128", "warm pp512", "warm tg128");
    assertThat(rows).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.OK));
    List<BenchResult> warmRaw = TinygradBench.read(file("harness-beam2.warm.stdout"));
    assertThat(rows.subList(2, 4))
        .extracting(BenchResult::samples)
        .containsExactlyElementsOf(warmRaw.stream().map(BenchResult::samples).toList());
    assertThat(rows.get(2).samples())
        .containsExactlyElementsOf(ppRatesFromRepTimes("harness-beam2.warm"));
    rows.forEach(H200TinygradOutputsTest::meanAndSpreadAreTheSamples);
    assertThat(rows.get(0).provenance()).containsEntry("beam_cache_bytes_before", "117089560");
    assertThat(rows.get(2).flags()).containsEntry("beam_search_finished", "true");
    assertThat(rows.get(2).flags()).containsEntry("JITBEAM", "2");
    assertThat(rows.get(2).provenance()).containsEntry("beam_cache_bytes_before", "126780696");
  }

  @Test
  void importReadsEverySplitStreamAsTheRowsHaveThem() {
    for (String step : List.of("harness-cold.cold", "harness-beam2.search", "harness-beam2.warm")) {
      assertThat(Import.detect(file(step + ".stdout"))).as(step).isEqualTo("tinygrad-bench");
      assertThat(Import.read(file(step + ".stdout"))).extracting(BenchResult::test).hasSize(2);
    }
    assertThat(Import.read(file("llama3.warm.stdout")))
        .singleElement()
        .satisfies(r -> assertThat(r.test()).isEqualTo("tg20"));
  }

  private static void meanAndSpreadAreTheSamples(BenchResult r) {
    assertThat(r.tokensPerSMean()).isCloseTo(Stats.mean(r.samples()), within(1e-9));
    assertThat(r.tokensPerSStddev()).isCloseTo(Stats.stddev(r.samples()), within(1e-9));
  }

  /** tok/s of each timed prompt call from the raw line's {@code rep_ms}, as the reader should. */
  private static List<Double> ppRatesFromRepTimes(String stem) throws Exception {
    JsonNode pp = JSON.readTree(Files.readAllLines(file(stem + ".stdout")).get(0));
    List<Double> out = new ArrayList<>();
    for (JsonNode ms : pp.get("rep_ms"))
      out.add(pp.get("n_prompt").asInt() * 1000.0 / ms.asDouble());
    return out;
  }
}
