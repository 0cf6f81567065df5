package dev.tokbench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.testing.RunFixtures;
import dev.tokbench.testing.Scripts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code beam} as a sweep axis: 0 is one run, 2 a search and the warm run (a fake tinygrad
 * replaying the harness's real CPU captures by JITBEAM and cache file).
 */
class SweepTinygradBeamTest {
  @TempDir Path dir;

  @Test
  void aBeamAxisGivesOneRunAtZeroAndSearchThenWarmAtTwo() throws Exception {
    Path python = Scripts.install(dir, "fake-tinygrad.sh", "python3");
    Path checkout = Files.createDirectories(dir.resolve("tinygrad/examples")).getParent();
    Files.writeString(checkout.resolve("examples/llama3.py"), "# replaced by the fake\n");
    Path model = Files.writeString(dir.resolve("tiny-llama-Q6_K.gguf"), "GGUF");
    String yaml =
        String.join(
            "\n",
            "name: beam",
            "store: out/store.jsonl",
            "axes:",
            "  beam: [\"0\", \"2\"]",
            "run:",
            "  framework: tinygrad",
            "  checkout: " + checkout,
            "  model: " + model,
            "  python: " + python,
            "  backend: CPU",
            "  prefill: 64",
            "  gen: 16",
            "  repetitions: 2",
            "  beam: \"${beam}\"",
            "  env:",
            "    FAKE_CAPTURES: " + RunFixtures.path("tinygrad/beam"),
            "    REPLAY_DELAY: \"0\"",
            "    CACHEDB: " + dir.resolve("beam-${beam}.db"),
            "");
    Path file = Files.writeString(dir.resolve("sweep.yaml"), yaml);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    SweepReport r = SweepFile.read(file).progress(quiet, false).run();

    assertThat(r.rows())
        .extracting(x -> x.flags().getOrDefault("phase", "-") + " " + x.test())
        .containsExactly(
            "- pp64",
            "- tg16",
            "search search pp64",
            "search search tg16",
            "warm pp64",
            "warm tg16");
    assertThat(r.rows()).allMatch(BenchResult::ok);
  }
}
