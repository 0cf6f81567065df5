package dev.tokbench.run.tinygrad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.run.RunResult;
import dev.tokbench.testing.RunFixtures;
import dev.tokbench.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs "tinygrad" from a checkout-shaped folder with a python3 that replays the H100 captures. */
class TinygradRunTest {
  private static final Map<String, String> MACHINE = Map.of("gpu", "NVIDIA H100 80GB HBM3");
  @TempDir Path dir;
  private Path python;
  private Path model;

  @BeforeEach
  void setUp() throws Exception {
    python = Scripts.install(dir, "replay.sh");
    model = Files.writeString(dir.resolve("llama-3.2-1b-Q4_K_M.gguf"), "GGUF");
  }

  private Path checkout(String version) throws Exception {
    Path c = Files.createDirectories(dir.resolve("tinygrad-" + version));
    Files.createDirectories(c.resolve("examples"));
    Files.writeString(c.resolve("examples/llama3.py"), "# replaced by replay.sh\n");
    Files.writeString(
        c.resolve("pyproject.toml"),
        "[project]\nname = \"tinygrad\"\nversion = \"" + version + "\"\n");
    Files.createDirectories(c.resolve(".git/refs/heads"));
    Files.writeString(c.resolve(".git/HEAD"), "ref: refs/heads/master\n");
    Files.writeString(
        c.resolve(".git/refs/heads/master"), "a9069c177a9da9cca18593edf55acd2e6073cca6\n");
    return c;
  }

  private Tinygrad replay(Path checkout, String capture) {
    return Tinygrad.at(checkout)
        .python(python.toString())
        .model(model)
        .machine(MACHINE)
        .env("REPLAY_STDOUT", RunFixtures.path("tinygrad/" + capture + ".stdout").toString())
        .env("REPLAY_STDERR", RunFixtures.path("tinygrad/" + capture + ".stderr").toString())
        .env("REPLAY_DELAY", "0.01")
        .env("CACHEDB", dir.resolve("cache.db").toString());
  }

  @Test
  void aCurrentCheckoutRunsWithDevAndYieldsOneRowWithProvenance() throws Exception {
    Files.writeString(dir.resolve("cache.db"), "sqlite");

    RunResult r = replay(checkout("0.13.0"), "cuda_q4km").backend("CUDA").jitBeam(2).run();

    assertThat(r.rows()).hasSize(1);
    BenchResult row = r.rows().get(0);
    assertThat(row.ok()).as(row.reason()).isTrue();
    assertThat(row.framework()).isEqualTo("tinygrad");
    assertThat(row.backend()).isEqualTo("CUDA");
    assertThat(row.device()).isEqualTo("NVIDIA H100 80GB HBM3");
    assertThat(row.samples()).hasSize(18);
    assertThat(row.flags())
        .containsEntry("DEV", "CUDA")
        .containsEntry("JITBEAM", "2")
        .containsEntry("requested_backend", "CUDA")
        .containsEntry("beam_cache_existed", "true")
        .doesNotContainKey("CUDA");
    assertThat(row.provenance())
        .containsEntry("tinygrad_version", "0.13.0")
        .containsEntry("tinygrad_commit", "a9069c177a9da9cca18593edf55acd2e6073cca6")
        .containsEntry("backend_env", "DEV=CUDA");
    assertThat(row.provenance().get("command"))
        .contains("DEV=CUDA")
        .contains("examples/llama3.py --benchmark --timing --no_api --size 1B --model");
  }

  @Test
  void anOlderCheckoutGetsTheReportsSpelling() throws Exception {
    Tinygrad t = replay(checkout("0.10.3"), "cuda_q4km").backend("NV");

    assertThat(t.spec().env()).containsEntry("NV", "1").doesNotContainKey("DEV");
    assertThat(t.checkout().usesDevVariable()).isFalse();
  }

  @Test
  void theCheckoutComesFirstOnPythonsPathSoAnUninstalledSourceImports() throws Exception {
    Path dir = checkout("0.13.0");

    Tinygrad t = replay(dir, "nv_q6k").env("PYTHONPATH", "/opt/more");

    // llama3.py imports extra.models from the checkout, which its own folder (examples/) lacks
    assertThat(t.spec().env())
        .containsEntry(
            "PYTHONPATH", dir.toAbsolutePath() + java.io.File.pathSeparator + "/opt/more");
  }

  @Test
  void aCrashBecomesAFailedRowWithTheTraceback() throws Exception {
    RunResult r = replay(checkout("0.13.0"), "nv_q6k").backend("NV").env("REPLAY_EXIT", "1").run();

    BenchResult row = r.rows().get(0);
    assertThat(row.status()).isEqualTo(Status.FAILED);
    assertThat(row.reason()).startsWith("exit 1").contains("StopIteration");
    assertThat(row.flags()).containsEntry("beam_cache_existed", "false");
  }

  @Test
  void anAllocationFailureIsOutOfMemoryNotJustFailed() throws Exception {
    // the last lines of the traceback tinygrad's Allocator.alloc raises (tinygrad/device.py)
    Path stderr =
        Files.writeString(
            dir.resolve("oom.stderr"),
            "Traceback (most recent call last):\n"
                + "  File \"tinygrad/device.py\", line 230, in alloc\n"
                + "RuntimeError: cuMemAlloc_v2 failed: out of memory\n"
                + "MemoryError: Allocation of 16.00 GB failed on CUDA. Used: 64.12 GB\n");
    RunResult r =
        replay(checkout("0.13.0"), "nv_q6k")
            .env("REPLAY_STDERR", stderr.toString())
            .env("REPLAY_EXIT", "1")
            .run();

    BenchResult row = r.rows().get(0);
    assertThat(row.status()).isEqualTo(Status.OOM);
    assertThat(row.reason())
        .startsWith("exit 1: ")
        .contains("MemoryError: Allocation of 16.00 GB failed on CUDA");
  }

  @Test
  void theDeprecatedVariableIsRefusedAsOnTheH100() throws Exception {
    RunResult r =
        replay(checkout("0.13.0"), "cuda_q6k_envflag")
            .env("CUDA", "1")
            .env("REPLAY_EXIT", "1")
            .run();

    assertThat(r.rows().get(0).reason()).contains("CUDA=1 is deprecated, use DEV=CUDA instead");
  }

  @Test
  void aFolderThatIsNotACheckoutIsAFailedRowWithoutLaunching() {
    RunResult r = Tinygrad.at(dir.resolve("nowhere")).model(model).machine(MACHINE).run();

    assertThat(r.rows().get(0).status()).isEqualTo(Status.FAILED);
    assertThat(r.rows().get(0).reason()).startsWith("not a tinygrad checkout: ");
  }

  @Test
  void aMissingModelIsAFailedRowWithoutLaunching() throws Exception {
    RunResult r = replay(checkout("0.13.0"), "cuda_q4km").model(dir.resolve("absent.gguf")).run();

    assertThat(r.rows().get(0).reason()).startsWith("model not found: ");
    assertThat(r.outcome().exitCode()).isEqualTo(-1);
  }
}
