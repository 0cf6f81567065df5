package dev.tokbench.formats.tinygrad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped scripts run as real processes (Python's standard library only; no tinygrad needed for
 * what is checked before tinygrad is imported), their output read back by tokbench.
 */
class TinygradBenchScriptTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPTS = Path.of("").toAbsolutePath().getParent().resolve("scripts");
  @TempDir Path dir;

  private record Ran(int exit, String stdout, String stderr) {}

  @BeforeEach
  void needsPython() {
    assumeTrue(Files.isExecutable(PYTHON), "needs " + PYTHON + " (apt-get install python3)");
  }

  private Ran run(String script, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of(PYTHON.toString(), SCRIPTS.resolve(script).toString()));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not finish in 60 s");
    }
    return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Path checkout(String file, String text) throws IOException {
    Path c = Files.createDirectories(dir.resolve("tinygrad"));
    Files.createDirectories(c.resolve("examples"));
    Files.writeString(c.resolve("examples/llama3.py"), "");
    Files.writeString(c.resolve(file), text);
    return c;
  }

  private static Path gguf(String name) {
    return Path.of("src/test/resources/gguf", name).toAbsolutePath();
  }

  @Test
  void aCheckoutOlderThan0103IsRefusedWithExit2AndFailedRows() throws Exception {
    Path old = checkout("setup.py", "setup(name='tinygrad',\n      version='0.10.2',\n)\n");

    Ran r = run("tinygrad_bench.py", "--checkout", old.toString(), "--model", "m.gguf");

    assertThat(r.exit()).isEqualTo(2);
    List<BenchResult> rows = TinygradBench.parse(r.stdout(), "stdout");
    assertThat(rows).extracting(BenchResult::test).containsExactly("pp512", "tg128");
    assertThat(rows.get(0).reason()).contains("tinygrad 0.10.2", "needs 0.10.3 or later");
  }

  @Test
  void modelsLlama3pyCannotRunAreRefusedBeforeTinygradIsImported() throws Exception {
    Path current =
        checkout("pyproject.toml", "[project]\nname = \"tinygrad\"\nversion = \"0.13.0\"\n");
    Path cut = dir.resolve("cut-F16.gguf");
    Files.write(
        cut, java.util.Arrays.copyOf(Files.readAllBytes(gguf("small-llama-F16.gguf")), 400));

    Ran qwen =
        run(
            "tinygrad_bench.py",
            "--checkout",
            current.toString(),
            "--model",
            gguf("small-qwen3-F16.gguf").toString(),
            "--gen",
            "0");
    String qwenReason = TinygradBench.parse(qwen.stdout(), "qwen").get(0).reason();
    Ran truncated =
        run("tinygrad_bench.py", "--checkout", current.toString(), "--model", cut.toString());
    BenchResult row = TinygradBench.parse(truncated.stdout(), "cut").get(0);

    assertThat(qwen.exit()).isEqualTo(2);
    assertThat(qwenReason).contains("architecture 'qwen3', but llama3.py's model is LLaMA only");
    assertThat(row.status()).isEqualTo(Status.FAILED);
    assertThat(row.reason()).containsPattern("cut-F16.gguf: .* at byte offset \\d+");
    assertThat(row.quant()).isEqualTo("F16");
  }

  @Test
  void theSyntheticTokenizerHasEveryByteThenEveryPairEachOnceWithItsRank() throws Exception {
    Path model = dir.resolve("tokenizer.model");

    Ran r = run("synthetic_tokenizer.py", "--tokens", "300", "--out", model.toString());

    assertThat(r.exit()).isZero();
    List<String> lines = Files.readAllLines(model, StandardCharsets.US_ASCII);
    assertThat(lines).hasSize(300);
    var seen = new HashSet<String>();
    for (int rank = 0; rank < lines.size(); rank++) {
      String[] f = lines.get(rank).split(" ");
      assertThat(f[1]).isEqualTo(Integer.toString(rank));
      byte[] token = Base64.getDecoder().decode(f[0]);
      assertThat(token).hasSize(rank < 256 ? 1 : 2);
      assertThat(seen.add(f[0])).as("token %s once", f[0]).isTrue();
    }
    assertThat(Base64.getDecoder().decode(lines.get(257).split(" ")[0])).containsExactly(0, 1);
  }

  @Test
  void fewerTokensThanBytesIsAUsageError() throws Exception {
    Ran r = run("synthetic_tokenizer.py", "--tokens", "10", "--out", dir.resolve("t").toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).contains("--tokens must be at least 256");
  }
}
