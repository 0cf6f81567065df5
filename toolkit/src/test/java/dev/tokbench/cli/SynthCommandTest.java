package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.gguf.Gguf;
import dev.tokbench.gguf.GgufFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.run(out, err, args);
  }

  @Test
  void writesACatalogueShapeWithOverrides() {
    Path file = dir.resolve("m.gguf");
    int status =
        run(
            "synth",
            "--shape",
            "qwen3-0.6b",
            "--layers",
            "2",
            "--vocab",
            "1000",
            "--ctx",
            "8192",
            "--type",
            "Q8_0",
            "--out",
            file.toString());
    assertThat(status).as(err.toString()).isZero();
    GgufFile f = Gguf.read(file);
    assertThat(f.metadata().integer("qwen3.block_count").getAsLong()).isEqualTo(2);
    assertThat(f.metadata().integer("qwen3.context_length").getAsLong()).isEqualTo(8192);
    assertThat(f.metadata().integer("qwen3.vocab_size").getAsLong()).isEqualTo(1000);
    assertThat(out.toString()).contains("qwen3-0.6b Q8_0");
  }

  @Test
  void writesAShapeGivenByHand() {
    Path file = dir.resolve("h.gguf");
    int status =
        run(
            "synth",
            "--arch",
            "llama",
            "--vocab",
            "512",
            "--embd",
            "64",
            "--layers",
            "1",
            "--heads",
            "4",
            "--kv-heads",
            "2",
            "--head-dim",
            "16",
            "--ff",
            "128",
            "--type",
            "F16",
            "--out",
            file.toString());
    assertThat(status).as(err.toString()).isZero();
    assertThat(Gguf.read(file).tensors()).hasSize(11);
  }

  @Test
  void planPrintsTheLayoutWithoutWriting() {
    assertThat(run("synth", "--shape", "llama-3.2-1b", "--type", "Q4_K_M", "--plan")).isZero();
    assertThat(out.toString()).contains("blk.0.attn_v.weight Q6_K").contains("799862784 bytes");
  }

  @Test
  void badShapesAndTypesExitWithStatusTwoAndAMessage() {
    assertThat(run("synth", "--shape", "gpt-5", "--out", "x.gguf")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown shape 'gpt-5'").contains("llama-3.2-1b");
    assertThat(run("synth", "--shape", "tiny-llama", "--layers", "0", "--out", "x.gguf"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("layers must be > 0");
    assertThat(run("synth", "--shape", "tiny-llama", "--type", "Q3_X", "--out", "x.gguf"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Q3_X");
    Path nowhere = dir.resolve("missing/dir/m.gguf");
    assertThat(run("synth", "--shape", "tiny-llama", "--out", nowhere.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");
  }

  /**
   * A real refused write, not a simulated one: the child JVM runs under {@code ulimit -f} (the JVM
   * ignores SIGXFSZ, so the write fails with EFBIG, as a full disk fails with ENOSPC).
   */
  @Test
  void aWriteTheOperatingSystemRefusesExitsTwoAndLeavesNoFileBehind() throws Exception {
    Path target = dir.resolve("m.gguf");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        "ulimit -f 64; exec \"$0\" -cp \"$1\" dev.tokbench.cli.Main synth --shape small-llama"
            + " --type F16 --out \"$2\"";
    Process p =
        new ProcessBuilder(
                "bash",
                "-c",
                command,
                java,
                System.getProperty("java.class.path"),
                target.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isEqualTo(2);
    assertThat(output)
        .contains(target.toString())
        .contains("the file system refused to grow the file (File too large)");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("no temporary or partial file").isEmpty();
    }
  }
}
