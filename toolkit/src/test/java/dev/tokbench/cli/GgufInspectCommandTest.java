package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tokbench gguf inspect} through the real command line, on the real fixtures. */
class GgufInspectCommandTest {
  private static final List<String> REQUIRED_KEYS =
      List.of(
          "file",
          "version",
          "architecture",
          "name",
          "file_type",
          "n_params",
          "tensor_bytes",
          "file_bytes",
          "bits_per_weight",
          "n_tensors",
          "n_kv",
          "context_length",
          "block_count",
          "embedding_length",
          "feed_forward_length",
          "head_count",
          "head_count_kv",
          "head_dim",
          "vocab_size",
          "tokenizer_model",
          "kv_bytes_per_token",
          "types",
          "problems");

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.run(out, err, args);
  }

  private static String fixture(String name) {
    try {
      return Path.of(GgufInspectCommandTest.class.getResource("/gguf/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<JsonNode> jsonLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) lines.add(new ObjectMapper().readTree(line));
    return lines;
  }

  @Test
  void jsonHasEveryRequiredKeyOneObjectPerFile() throws Exception {
    int status =
        run(
            "gguf",
            "inspect",
            "--json",
            fixture("small-llama-Q4_K_M.gguf"),
            fixture("tiny-qwen3-F16.gguf"));

    assertThat(status).isZero();
    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(2);
    for (JsonNode o : lines) {
      assertThat(o.fieldNames()).toIterable().containsAll(REQUIRED_KEYS).doesNotContain("tensors");
    }
    JsonNode q4 = lines.get(0);
    assertThat(q4.get("file_type").asText()).isEqualTo("Q4_K_M");
    assertThat(q4.get("n_params").asLong()).isEqualTo(1_443_072);
    assertThat(q4.get("tensor_bytes").asLong()).isEqualTo(925_952);
    assertThat(q4.get("kv_bytes_per_token").get("f16").asLong()).isEqualTo(2 * 2 * 2 * 64 * 2);
    assertThat(q4.get("types").get("Q4_K").get("tensors").asInt()).isPositive();
    assertThat(q4.get("problems")).isEmpty();
  }

  @Test
  void jsonOfTheHeaderOnlyFileListsTheTruncationAndStillExitsZero() throws Exception {
    int status =
        run(
            "gguf",
            "inspect",
            "--json",
            "--tensors",
            fixture("llama-3.2-1b-Q4_K_M.header-only.gguf"));

    assertThat(status).isZero();
    JsonNode o = jsonLines().get(0);
    assertThat(o.get("problems").get(0).asText()).contains("799862784 bytes missing");
    assertThat(o.get("tensors")).hasSize(146);
    assertThat(o.get("tensors").get(0).get("name").asText()).isEqualTo("output_norm.weight");
    assertThat(o.get("vocab_size").asLong()).isEqualTo(128_256);
  }

  @Test
  void verifyExitsOneForATruncatedFileZeroForACleanOneAndTwoWhenOneCannotBeParsed()
      throws Exception {
    String truncated = fixture("llama-3.2-1b-Q4_K_M.header-only.gguf");
    String clean = fixture("small-llama-Q6_K.gguf");
    Path bad = Files.write(tmp.resolve("bad.gguf"), "GGUF\u0001\u0000\u0000\u0000".getBytes());

    assertThat(run("gguf", "inspect", "--verify", clean)).isZero();
    assertThat(run("gguf", "inspect", "--verify", clean, truncated)).isEqualTo(1);
    assertThat(out.toString()).contains("799862784 bytes missing");
    assertThat(run("gguf", "inspect", "--verify", truncated, bad.toString())).isEqualTo(2);
    assertThat(run("gguf", "inspect", truncated)).as("problems are shown, not checked").isZero();
  }

  @Test
  void fileErrorsSayWhatHappened() {
    assertThat(run("gguf", "inspect", tmp.resolve("nope.gguf").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("tokbench: no such file: " + tmp.resolve("nope.gguf"));
    assertThat(run("gguf", "inspect", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("tokbench: " + tmp + " is a directory");
  }

  @Test
  void unparseableFileExitsTwoNamingFileAndOffset() throws Exception {
    Path bad = Files.write(tmp.resolve("bad.gguf"), "GGUF\u0001\u0000\u0000\u0000".getBytes());

    int status = run("gguf", "inspect", "--json", fixture("tiny-llama-F16.gguf"), bad.toString());

    assertThat(status).isEqualTo(Main.BAD_INPUT);
    assertThat(jsonLines()).hasSize(1);
    assertThat(err.toString())
        .contains("bad.gguf")
        .contains("at byte offset 4")
        .contains("version 1");
  }

  @Test
  void missingFileExitsTwo() {
    assertThat(run("gguf", "inspect", tmp.resolve("nope.gguf").toString()))
        .isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("nope.gguf");
  }

  @Test
  void textShowsTheModelTypesAndMetadata() {
    assertThat(run("gguf", "inspect", "--verify", fixture("small-llama-Q6_K.gguf"))).isZero();

    assertThat(out.toString())
        .contains("Q6_K (Q6_K)")
        .contains("1,443,072")
        .contains("problems      none")
        .contains("general.architecture")
        .contains("type  tensors");
  }

  @Test
  void markdownRendersTables() {
    assertThat(run("gguf", "inspect", "--markdown", "--tensors", fixture("tiny-llama-Q8_0.gguf")))
        .isZero();

    assertThat(out.toString())
        .contains("# tiny-llama-Q8_0.gguf")
        .contains("| token_embd.weight | Q8_0 |");
  }

  @Test
  void jsonAndMarkdownTogetherAreRefused() {
    assertThat(run("gguf", "inspect", "--json", "--markdown", fixture("tiny-llama-Q8_0.gguf")))
        .isEqualTo(CommandLine.ExitCode.USAGE);
  }

  @Test
  void helpExplainsTheCommands() {
    assertThat(run("gguf", "--help")).isZero();
    assertThat(out.toString()).contains("inspect").contains("Examples");
    assertThat(run("gguf", "inspect", "--help")).isZero();
    assertThat(out.toString()).contains("--json").contains("--verify").contains("Exit status");
  }

  @Test
  void checkTensorsReportsANanScaleInJsonProblemsAndExitsOne() throws Exception {
    Path copy =
        java.nio.file.Files.copy(
            Path.of(fixture("small-llama-Q8_0.gguf")), tmp.resolve("nan.gguf"));
    dev.tokbench.gguf.TensorInfo t =
        dev.tokbench.gguf.Gguf.read(copy).tensors().stream()
            .filter(x -> x.typeName().equals("Q8_0"))
            .findFirst()
            .orElseThrow();
    try (var ch =
        java.nio.channels.FileChannel.open(copy, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {0x00, 0x7e}), t.fileOffset()); // f16 NaN as d
    }
    assertThat(run("gguf", "inspect", "--json", copy.toString())).isZero();
    assertThat(jsonLines().get(0).get("problems")).isEmpty();
    out.getBuffer().setLength(0);

    assertThat(run("gguf", "inspect", "--json", "--check-tensors", copy.toString())).isEqualTo(1);
    assertThat(jsonLines().get(0).get("problems").get(0).asText())
        .startsWith("tensor " + t.name() + " (Q8_0): 1 block with a NaN or infinite scale")
        .endsWith("block 0 at byte " + t.fileOffset());
  }
}
