package dev.tokbench.run.tinygrad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.formats.tinygrad.TinygradBench;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.run.RunResult;
import dev.tokbench.testing.RunFixtures;
import dev.tokbench.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BEAM runs in phases against a fake tinygrad ({@code fake-tinygrad.sh}) that replays the real CPU
 * captures of the harness in {@code run/tinygrad/beam/}: cold without JITBEAM, the search when
 * JITBEAM meets no cache file (or IGNORE_BEAM_CACHE=1), warm when the file is there.
 */
class TinygradBeamRunTest {
  private static final Map<String, String> MACHINE = Map.of("gpu", "test CPU");
  @TempDir Path dir;
  private Path python;
  private Path model;
  private Path checkout;
  private Path fakeLog;

  @BeforeEach
  void setUp() throws Exception {
    python = Scripts.install(dir, "fake-tinygrad.sh", "python3");
    model = Files.writeString(dir.resolve("tiny-llama-Q6_K.gguf"), "GGUF");
    checkout = Files.createDirectories(dir.resolve("tinygrad/examples")).getParent();
    Files.writeString(checkout.resolve("examples/llama3.py"), "# replaced by the fake\n");
    Files.writeString(checkout.resolve("pyproject.toml"), "[project]\nversion = \"0.13.0\"\n");
    fakeLog = dir.resolve("fake.log");
  }

  private Tinygrad harness(Path cachedb) {
    return Tinygrad.at(checkout)
        .python(python.toString())
        .model(model)
        .backend("CPU")
        .prefill(64)
        .gen(16)
        .repetitions(2)
        .machine(MACHINE)
        .env("FAKE_CAPTURES", RunFixtures.path("tinygrad/beam").toString())
        .env("FAKE_LOG", fakeLog.toString())
        .env("REPLAY_DELAY", "0")
        .env("CACHEDB", cachedb.toString());
  }

  private static List<BenchResult> capture(String name) {
    return TinygradBench.read(RunFixtures.path("tinygrad/beam/" + name + ".stdout"));
  }

  private static List<BenchResult> phase(RunResult r, BeamPhase p) {
    return r.rows().stream().filter(x -> BeamPhase.of(x).orElse(null) == p).toList();
  }

  @Test
  void beamSearchesThenMeasuresTheWarmRunAndKeepsTheSearchApart() throws Exception {
    Path cache = dir.resolve("beam.db");
    List<BenchResult> streamed = new ArrayList<>();

    RunResult r = harness(cache).beam(2).run(streamed::add);

    assertThat(streamed).isEqualTo(r.rows());
    assertThat(r.rows())
        .extracting(BenchResult::test)
        .containsExactly("search pp64", "search tg16", "pp64", "tg16");
    List<BenchResult> search = phase(r, BeamPhase.SEARCH);
    List<BenchResult> warm = phase(r, BeamPhase.WARM);
    assertThat(search)
        .extracting(BenchResult::samples)
        .containsExactlyElementsOf(
            capture("harness-search").stream().map(BenchResult::samples).toList());
    assertThat(warm)
        .extracting(BenchResult::samples)
        .containsExactlyElementsOf(
            capture("harness-warm").stream().map(BenchResult::samples).toList());
    assertThat(search.get(0).extra()).containsKey("phase_wall_s");
    assertThat(search.get(0).flags())
        .containsEntry("JITBEAM", "2")
        .containsEntry("beam", "2")
        .containsEntry("beam_cache_existed", "false");
    BenchResult pp = warm.get(0);
    assertThat(pp.flags())
        .containsEntry("phase", "warm")
        .containsEntry("beam", "2")
        .containsEntry("beam_cache_existed", "true")
        .containsEntry("beam_search_finished", "true");
    assertThat(pp.extra()).containsKey("beam_search_wall_s");
    assertThat(pp.provenance()).containsEntry("beam_cache_path", cache.toString());
    assertThat(Long.parseLong(pp.provenance().get("beam_cache_bytes_before"))).isPositive();
    assertThat(Files.readAllLines(fakeLog))
        .extracting(l -> l.split(" ")[0])
        .containsExactly("search", "warm");
  }

  @Test
  void coldRunsFirstOnAFreshEmptyCacheRemovedAfterwards() throws Exception {
    Path cache = dir.resolve("beam.db");

    RunResult r = harness(cache).beam(2).cold(true).run();

    assertThat(r.rows())
        .extracting(BenchResult::test)
        .containsExactly("pp64", "tg16", "search pp64", "search tg16", "pp64", "tg16");
    BenchResult cold = phase(r, BeamPhase.COLD).get(0);
    assertThat(cold.samples()).isEqualTo(capture("harness-cold").get(0).samples());
    assertThat(cold.flags())
        .containsEntry("phase", "cold")
        .containsEntry("beam_cache_existed", "false")
        .containsEntry("beam_cache_fresh", "true")
        .doesNotContainKey("beam")
        .doesNotContainKey("JITBEAM");
    Path fresh = Path.of(cold.provenance().get("beam_cache_path"));
    assertThat(fresh).isNotEqualTo(cache);
    assertThat(fresh.getParent()).doesNotExist();
    assertThat(Files.readAllLines(fakeLog))
        .extracting(l -> l.split(" ")[0])
        .containsExactly("cold", "search", "warm");
  }

  @Test
  void ignoreBeamCacheMakesTheSearchSearchAgainAndTheWarmRunStillReadsTheCache() throws Exception {
    Path cache = Files.writeString(dir.resolve("beam.db"), "an earlier search\n");

    RunResult r = harness(cache).beam(2).env("IGNORE_BEAM_CACHE", "1").run();

    assertThat(Files.readAllLines(fakeLog))
        .extracting(l -> l.split(" ")[0])
        .containsExactly("search", "warm");
    BenchResult search = phase(r, BeamPhase.SEARCH).get(0);
    BenchResult warm = phase(r, BeamPhase.WARM).get(0);
    assertThat(search.flags())
        .containsEntry("IGNORE_BEAM_CACHE", "1")
        .containsEntry("beam_cache_existed", "true");
    assertThat(warm.flags()).containsEntry("IGNORE_BEAM_CACHE", "0");
    assertThat(search.provenance().get("beam_cache_bytes_before")).isEqualTo("18");
  }

  @Test
  void aWarmCacheBeforeTheRunIsNoSearchToTinygrad() throws Exception {
    Path cache = Files.writeString(dir.resolve("beam.db"), "an earlier search\n");

    harness(cache).beam(2).run();

    // as tinygrad does, the "search" finds every kernel in the cache: the fake replays warm twice
    assertThat(Files.readAllLines(fakeLog))
        .extracting(l -> l.split(" ")[0])
        .containsExactly("warm", "warm");
  }

  @Test
  void aSearchCutByItsTimeoutIsUnfinishedAndTheWarmRunGoesOn() throws Exception {
    Path cache = dir.resolve("beam.db");

    RunResult r =
        harness(cache)
            .beam(2)
            .searchTimeout(Duration.ofSeconds(1))
            .env("FAKE_SEARCH_SLEEP", "20")
            .run();

    List<BenchResult> search = phase(r, BeamPhase.SEARCH);
    assertThat(search).extracting(BenchResult::test).containsExactly("search pp64", "search tg16");
    assertThat(search)
        .allSatisfy(
            s -> {
              assertThat(s.status()).isEqualTo(Status.FAILED);
              assertThat(s.reason()).startsWith("timed out after");
            });
    List<BenchResult> warm = phase(r, BeamPhase.WARM);
    assertThat(warm).hasSize(2).allMatch(BenchResult::ok);
    assertThat(warm.get(0).flags()).containsEntry("beam_search_finished", "false");
  }

  @Test
  void aRelativeCachedbIsTheCheckoutsAsForTinygrad() throws Exception {
    RunResult r = harness(Path.of("rel/beam.db")).beam(2).run();

    assertThat(checkout.resolve("rel/beam.db")).exists();
    BenchResult warm = phase(r, BeamPhase.WARM).get(0);
    assertThat(warm.provenance())
        .containsEntry("beam_cache_path", checkout.resolve("rel/beam.db").toString());
    assertThat(warm.flags()).containsEntry("beam_cache_existed", "true");
    assertThat(Files.readAllLines(fakeLog))
        .extracting(l -> l.split(" ")[0])
        .containsExactly("search", "warm");
  }

  @Test
  void llama3pyRunsInTheSamePhases() throws Exception {
    // no real llama3.py capture under JITBEAM exists yet (the H200 run will give them), so every
    // phase replays the H100's llama3.py log: this checks the phases, not BEAM's effect
    Path captures = Files.createDirectories(dir.resolve("captures"));
    Files.copy(
        RunFixtures.path("tinygrad/cuda_q4km.stdout"), captures.resolve("llama3-cold.stdout"));
    Path cache = dir.resolve("beam.db");

    RunResult r =
        Tinygrad.at(checkout)
            .python(python.toString())
            .model(model)
            .beam(2)
            .cold(true)
            .machine(MACHINE)
            .env("FAKE_CAPTURES", captures.toString())
            .env("FAKE_LOG", fakeLog.toString())
            .env("REPLAY_DELAY", "0")
            .env("CACHEDB", cache.toString())
            .run();

    assertThat(r.rows())
        .extracting(BenchResult::test)
        .containsExactly("tg20", "search tg20", "tg20");
    assertThat(r.rows()).allMatch(BenchResult::ok);
    assertThat(r.rows())
        .extracting(x -> x.flags().get("phase"))
        .containsExactly("cold", "search", "warm");
    assertThat(r.rows().get(2).provenance().get("command")).contains("JITBEAM=2");
    assertThat(Files.readAllLines(fakeLog))
        .extracting(l -> l.split(" ")[0])
        .containsExactly("cold", "search", "warm");
  }

  @Test
  void aHarnessThatCannotStartGivesAFailedRowPerTest() throws Exception {
    RunResult r = harness(dir.resolve("beam.db")).python(dir.resolve("no-python").toString()).run();

    assertThat(r.rows()).extracting(BenchResult::test).containsExactly("pp64", "tg16");
    assertThat(r.rows())
        .allSatisfy(
            x -> {
              assertThat(x.status()).isEqualTo(Status.FAILED);
              assertThat(x.reason()).startsWith("could not start");
              assertThat(x.model()).isEqualTo("tiny-llama");
              assertThat(x.quant()).isEqualTo("Q6_K");
            });
    assertThat(r.rows().get(0).nPrompt()).isEqualTo(64);
  }

  @Test
  void theHarnessRunsTheCopyInsideTokbenchWithAbsolutePaths() throws Exception {
    Tinygrad t = harness(dir.resolve("beam.db"));

    List<String> cmd = t.spec().command();
    assertThat(Path.of(cmd.get(1))).isAbsolute();
    assertThat(Path.of(cmd.get(1)).getFileName().toString()).startsWith("tinygrad_bench-");
    assertThat(cmd.subList(2, cmd.size()))
        .containsSubsequence("--checkout", checkout.toAbsolutePath().toString())
        .containsSubsequence("--model", model.toAbsolutePath().toString())
        .containsSubsequence("--prompt", "64", "--gen", "16", "--reps", "2");
    RunResult r = t.run();
    assertThat(Files.readString(Path.of(cmd.get(1))))
        .isEqualTo(Files.readString(Path.of("../scripts/tinygrad_bench.py")));
    assertThat(r.rows()).extracting(BenchResult::test).containsExactly("pp64", "tg16");
    assertThat(r.rows().get(0).flags()).doesNotContainKey("phase");
  }
}
