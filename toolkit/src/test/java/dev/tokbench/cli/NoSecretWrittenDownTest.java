package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Real launches given credentials the way users give them (a Hugging Face token and an API key in
 * the environment, {@code --api-key} and an {@code Authorization:} header among the arguments, a
 * proxy URL with a password), through {@code run llama-bench} into results CSV and JSONL and a run
 * log, through {@code sweep} into a store, and on into {@code report}: no file written anywhere
 * holds any of the secrets, and each is recorded as {@code <redacted>} where it stood.
 */
class NoSecretWrittenDownTest {
  private static final List<String> SECRETS =
      List.of("hf_s3cr3tToken1", "sk-s3cr3tKey2", "pr0xyPassw0rd3", "s3cr3tArg4", "s3cr3tBearer5");

  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int tokbench(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  /** A llama-bench that replays a real CPU run's jsonl whatever its arguments. */
  private Path fakeLlamaBench() throws IOException, URISyntaxException {
    Path bin = dir.resolve("llama-bench");
    Files.writeString(
        bin,
        "#!/bin/sh\nREPLAY_STDOUT='"
            + resource("llama-bench/cpu-tiny.jsonl")
            + "' REPLAY_DELAY=0 exec sh '"
            + resource("scripts/replay.sh")
            + "' \"$@\"\n");
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(NoSecretWrittenDownTest.class.getResource("/run/" + name).toURI());
  }

  @Test
  void credentialsInTheEnvironmentAndArgumentsAreRedactedInEveryFileWritten() throws Exception {
    Path bin = fakeLlamaBench();
    Path data = Files.createDirectories(dir.resolve("data/runs")).getParent();
    for (String out : List.of("runs/results.jsonl", "runs/results.csv")) {
      int code =
          tokbench(
              "run",
              "llama-bench",
              "--binary",
              bin.toString(),
              "--env",
              "HF_TOKEN=hf_s3cr3tToken1",
              "--env",
              "OPENAI_API_KEY=sk-s3cr3tKey2",
              "--env",
              "HTTPS_PROXY=http://bench:pr0xyPassw0rd3@proxy.local:3128",
              "--log",
              dir.resolve("run.log").toString(),
              "--out",
              data.resolve(out).toString(),
              "--",
              "-m",
              "m.gguf",
              "--api-key",
              "s3cr3tArg4",
              "-H",
              "Authorization: Bearer s3cr3tBearer5");
      assertThat(code).as(err.toString()).isZero();
    }
    Path sweep = dir.resolve("sweep.yaml");
    Files.writeString(
        sweep,
        String.join(
            "\n",
            "name: secrets",
            "store: store.jsonl",
            "axes:",
            "  p: [\"16\"]",
            "run:",
            "  framework: llama-bench",
            "  binary: " + bin,
            "  args: [-m, m.gguf, -p, \"${p}\", --api-key, s3cr3tArg4]",
            "  env: {HUGGING_FACE_HUB_TOKEN: hf_s3cr3tToken1}",
            ""));
    assertThat(tokbench("sweep", sweep.toString())).as(err.toString()).isZero();
    writeDeviceFiles(data);
    assertThat(
            tokbench(
                "report", "--data", data.toString(), "--out", dir.resolve("report").toString()))
        .as(err.toString())
        .isZero();

    List<Path> written = files(dir);
    assertThat(written)
        .extracting(p -> dir.relativize(p).toString())
        .contains(
            "run.log",
            "data/runs/results.jsonl",
            "data/runs/results.csv",
            "store.jsonl",
            "report/REPORT.md");
    for (Path f : written) {
      String text = Files.readString(f);
      for (String secret : SECRETS) {
        assertThat(text).as("%s holds %s", dir.relativize(f), secret).doesNotContain(secret);
      }
    }
    String log = Files.readString(dir.resolve("run.log"));
    assertThat(log.lines().findFirst().orElse(""))
        .startsWith("cmd| ")
        .contains("HF_TOKEN='<redacted>'")
        .contains("OPENAI_API_KEY='<redacted>'")
        .contains("HTTPS_PROXY='http://bench:<redacted>@proxy.local:3128'")
        .contains("--api-key '<redacted>'")
        .contains("-H 'Authorization: <redacted>'")
        .contains("-m m.gguf");
    assertThat(Files.readString(data.resolve("runs/results.jsonl")))
        .contains("HF_TOKEN=<redacted>")
        .contains("--api-key '<redacted>'");
  }

  private static void writeDeviceFiles(Path data) throws IOException {
    Files.writeString(
        data.resolve("device.csv"),
        "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
            + "Test box,,,the folder's devices.csv\n");
    Files.writeString(
        data.resolve("devices.csv"),
        "name,aliases,memory_gb,memory_type,theoretical_bandwidth_gb_per_s,peak_fp16_dense_tflops,source\n"
            + "Test box,,24,DDR4,51.2,,two channels of DDR4-3200\n");
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          // the test's own inputs: the fake binary and the sweep file that holds the secrets
          .filter(p -> !List.of("llama-bench", "sweep.yaml").contains(p.getFileName().toString()))
          .filter(p -> !p.getFileName().toString().endsWith(".png"))
          .toList();
    }
  }
}
