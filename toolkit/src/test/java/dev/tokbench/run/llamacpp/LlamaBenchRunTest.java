package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
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

/** Launches a script that replays real llama-bench output, well and badly. */
class LlamaBenchRunTest {
  private static final Map<String, String> MACHINE = Map.of("host", "replay-host");
  @TempDir Path dir;
  private Path fake;

  @BeforeEach
  void install() throws Exception {
    fake = Scripts.install(dir, "replay.sh");
  }

  private LlamaBench replay(String stdoutFixture) {
    return LlamaBench.at(fake)
        .model(Path.of("tiny-llama-F16.gguf"), Path.of("tiny-llama-Q8_0.gguf"))
        .prompt(64)
        .gen(32)
        .repetitions(3)
        .threads(2)
        .flashAttention(FlashAttention.OFF, FlashAttention.ON)
        .env("REPLAY_STDOUT", RunFixtures.path("llama-bench/" + stdoutFixture).toString())
        .machine(MACHINE);
  }

  @Test
  void aCompleteRunStreamsEveryTestWithProvenance() {
    List<BenchResult> streamed = new ArrayList<>();
    Path log = dir.resolve("run.log");

    RunResult r = replay("cpu-tiny.jsonl").log(log).run(streamed::add);

    assertThat(r.rows()).hasSize(8).allMatch(BenchResult::ok);
    assertThat(streamed).isEqualTo(r.rows());
    assertThat(r.outcome().succeeded()).isTrue();
    BenchResult first = r.rows().get(0);
    assertThat(first.test()).isEqualTo("pp64");
    assertThat(first.tokensPerSMean()).isEqualTo(27243.451344);
    assertThat(first.provenance())
        .containsEntry("host", "replay-host")
        .containsKey("started")
        .containsKey("toolkit_version")
        .containsEntry("log", log.toString());
    assertThat(first.provenance().get("command"))
        .endsWith(
            "-m tiny-llama-F16.gguf -m tiny-llama-Q8_0.gguf -p 64 -n 32 -r 3 -t 2 -fa 0,1 -v -o jsonl");
    assertThat(first.provenance().get("env")).startsWith("REPLAY_STDOUT=");
    assertThat(r.log()).exists();
  }

  @Test
  void anExitHalfWayKeepsTheFinishedTestsAndAddsAFailedRow() {
    RunResult r =
        replay("cpu-tiny.jsonl")
            .env("REPLAY_LINES", "3")
            .env("REPLAY_THEN", "exit")
            .env("REPLAY_STDERR", RunFixtures.path("llama-bench/missing-model.stderr").toString())
            .run();

    assertThat(r.rows()).hasSize(4);
    assertThat(r.rows().subList(0, 3)).allMatch(BenchResult::ok);
    BenchResult failed = r.rows().get(3);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    // the fourth test of the matrix: the first model's tg32 with flash attention on
    assertThat(failed.model()).isEqualTo("tiny-llama-F16");
    assertThat(failed.test()).isEqualTo("tg32");
    assertThat(failed.flashAttn()).isEqualTo(FlashAttention.ON);
    assertThat(failed.flags()).containsEntry("n_threads", "2").containsEntry("flash_attn", "1");
    assertThat(failed.provenance()).containsEntry("failed_test", "4/8");
    assertThat(failed.reason())
        .startsWith("exit 1: llama_bench: error: failed to load model '/nonexistent.gguf'")
        .contains("stderr tail:");
    assertThat(failed.provenance()).containsKey("command").containsEntry("host", "replay-host");
  }

  @Test
  void aHangIsKilledAtTheTimeoutKeepingFinishedTests() {
    RunResult r =
        replay("cpu-tiny.jsonl")
            .env("REPLAY_LINES", "2")
            .env("REPLAY_THEN", "hang")
            .timeout(Duration.ofSeconds(2))
            .run();

    assertThat(r.rows()).hasSize(3);
    assertThat(r.rows().subList(0, 2)).allMatch(BenchResult::ok);
    assertThat(r.rows().get(2).reason()).startsWith("timed out after").contains("still computing");
  }

  @Test
  void aCrashKeepsFinishedTestsAndNamesTheSignal() {
    RunResult r =
        replay("cpu-tiny.jsonl").env("REPLAY_LINES", "1").env("REPLAY_THEN", "crash").run();

    assertThat(r.rows()).hasSize(2);
    assertThat(r.rows().get(0).ok()).isTrue();
    assertThat(r.rows().get(1).reason())
        .startsWith("killed by SIGSEGV: segmentation fault (signal 11, exit 139)")
        .contains("Segmentation fault");
  }

  @Test
  void garbageOnStdoutIsReportedWithoutLosingTheRest() {
    RunResult r =
        replay("cpu-tiny.jsonl").env("REPLAY_LINES", "2").env("REPLAY_THEN", "garbage").run();

    assertThat(r.rows().stream().filter(BenchResult::ok)).hasSize(8);
    assertThat(r.failures()).hasSize(1);
    assertThat(r.failures().get(0).reason())
        .contains("1 unreadable output lines")
        .contains("stdout line 3");
    assertThat(r.allOk()).isFalse();
  }

  @Test
  void aMissingBinaryBecomesAFailedRow() {
    RunResult r =
        LlamaBench.at(dir.resolve("no-such-llama-bench"))
            .model(Path.of("m.gguf"))
            .machine(MACHINE)
            .run();

    assertThat(r.rows()).hasSize(1);
    assertThat(r.rows().get(0).status()).isEqualTo(Status.FAILED);
    assertThat(r.rows().get(0).model()).isEqualTo("m");
    assertThat(r.rows().get(0).reason()).startsWith("could not start: ");
  }

  @Test
  void outputFormatIsReservedForTheLauncher() {
    assertThatThrownBy(() -> LlamaBench.at(fake).arg("-o", "md"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-o jsonl");
    assertThat(LlamaBench.at(fake).arg("-oe", "md").promptGen(512, 128).args())
        .containsExactly("-oe", "md", "-pg", "512,128", "-v", "-o", "jsonl");
  }

  @Test
  void provenanceDescribesThisMachineWhenNotGiven() throws Exception {
    RunResult r =
        LlamaBench.at(fake)
            .env("REPLAY_STDOUT", RunFixtures.path("llama-bench/cpu-tiny.jsonl").toString())
            .env("REPLAY_DELAY", "0")
            .run();

    assertThat(r.rows().get(0).provenance()).containsKeys("host", "os", "cpu_count", "java");
    assertThat(Files.exists(fake)).isTrue();
  }
}
