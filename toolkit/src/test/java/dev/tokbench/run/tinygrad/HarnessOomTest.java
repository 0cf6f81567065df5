package dev.tokbench.run.tinygrad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.run.RunResult;
import dev.tokbench.testing.RunFixtures;
import dev.tokbench.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness path ({@code run tinygrad --prefill}): a run that ran out of device memory after its
 * pp line is an {@code oom} row for the test it lost, as llama3.py's and llama.cpp's runs are. A
 * real process (replay.sh as python3) prints the real harness capture's pp line, then tinygrad's
 * allocation failure as its Allocator and CUDA runtime word it, and exits 1.
 */
class HarnessOomTest {
  @TempDir Path dir;

  private Tinygrad harness(Path python, Map<String, String> env) throws Exception {
    Path checkout = Files.createDirectories(dir.resolve("tinygrad/examples")).getParent();
    Files.writeString(checkout.resolve("examples/llama3.py"), "# not run: the harness is\n");
    Files.writeString(checkout.resolve("pyproject.toml"), "[project]\nversion = \"0.13.0\"\n");
    Tinygrad t =
        Tinygrad.at(checkout)
            .python(python.toString())
            .model(Files.writeString(dir.resolve("tiny-llama-Q6_K.gguf"), "GGUF"))
            .backend("CUDA")
            .prefill(64)
            .gen(16)
            .repetitions(2)
            .machine(Map.of("gpu", "test GPU"));
    for (var e : env.entrySet()) t = t.env(e.getKey(), e.getValue());
    return t;
  }

  /** The real harness capture's pp line, then {@code stderr}, then exit 1: a run that died. */
  private RunResult replayPpThenExit1(Path stderr) throws Exception {
    Path python = Scripts.install(dir, "replay.sh", "python3");
    Map<String, String> env =
        Map.of(
            "REPLAY_STDOUT", RunFixtures.path("tinygrad/beam/harness-cold.stdout").toString(),
            "REPLAY_LINES", "1",
            "REPLAY_THEN", "exit",
            "REPLAY_EXIT", "1",
            "REPLAY_STDERR", stderr.toString(),
            "REPLAY_DELAY", "0");
    return harness(python, env).run();
  }

  @Test
  void anAllocationFailureAfterThePpLineIsAnOomRowForTheLostTest() throws Exception {
    // tinygrad/device.py Allocator.alloc re-raises ops_cuda's check() RuntimeError as MemoryError
    Path stderr =
        Files.writeString(
            dir.resolve("oom.stderr"),
            "Traceback (most recent call last):\n"
                + "  File \"tinygrad/device.py\", line 230, in alloc\n"
                + "    try: return self._alloc(size, options if options is not None else"
                + " self.default_buffer_spec)\n"
                + "RuntimeError: CUDA Error 2, out of memory\n"
                + "\n"
                + "The above exception was the direct cause of the following exception:\n"
                + "\n"
                + "MemoryError: Allocation of 16.00 GB failed on CUDA. Used: 128.50 GB\n");
    RunResult r = replayPpThenExit1(stderr);

    List<BenchResult> rows = r.rows();
    assertThat(rows).extracting(BenchResult::test).containsExactly("pp64", "tg16");
    assertThat(rows.get(0).status()).isEqualTo(Status.OK);
    BenchResult lost = rows.get(1);
    assertThat(lost.status()).isEqualTo(Status.OOM);
    assertThat(lost.reason())
        .startsWith("exit 1: ")
        .contains("MemoryError: Allocation of 16.00 GB failed on CUDA");
  }

  @Test
  void anyOtherCrashStaysFailed() throws Exception {
    Path stderr =
        Files.writeString(
            dir.resolve("crash.stderr"), "Traceback (most recent call last):\nStopIteration\n");
    RunResult r = replayPpThenExit1(stderr);

    BenchResult lost = r.rows().get(1);
    assertThat(lost.status()).isEqualTo(Status.FAILED);
    assertThat(lost.reason()).startsWith("exit 1").contains("StopIteration");
  }
}
