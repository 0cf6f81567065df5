package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.serve.ScriptedServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tokbench serve-bench} through the real command line, against real servers on loopback. */
class ServeBenchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine(args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) out.add(JSON.readTree(line));
    return out;
  }

  private Path script(String name, String body) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  /**
   * serve-bench at a scripted server: concurrency 1 and 2 and rate inf, 4 requests of 8 + 3 tokens
   * each, one warm-up, an SLO every request meets; then {@code more}.
   */
  static String[] smallRun(java.net.URI url, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "serve-bench",
                "--url",
                url.toString(),
                "--concurrency",
                "1,2",
                "--rate",
                "inf",
                "--requests",
                "4",
                "--prompt-tokens",
                "8",
                "--max-tokens",
                "3",
                "--warmup",
                "1",
                "--slo",
                "ttft=10s"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void attachingWritesRunRequestAndSummaryLinesAndATable() throws Exception {
    try (var server = ScriptedServers.steady(5, 1)) {
      Path results = dir.resolve("serve.jsonl");
      int code = run(smallRun(server.url(), "--out", results.toString()));

      assertThat(code).as(err.toString()).isZero();
      List<JsonNode> lines = lines(results);
      assertThat(lines)
          .extracting(l -> l.path("kind").asText())
          .containsOnly("run", "warmup", "request", "summary")
          .filteredOn("summary"::equals)
          .hasSize(3);
      JsonNode summary = lines.get(lines.size() - 1);
      assertThat(summary.path("good_requests").asInt()).isEqualTo(4);
      assertThat(summary.path("output_tokens").asInt()).isEqualTo(12);
      assertThat(err.toString()).contains("level", "concurrency 2", "rate inf", "-> " + results);
      assertThat(out.toString()).isEmpty();
    }
  }

  @Test
  void aLaunchedServerIsReadiedMeasuredLoggedAndStopped() throws Exception {
    Path fake = script("llama-server", "exec " + ScriptedServers.javaCommand() + " \"$@\"");
    Path results = dir.resolve("launched.jsonl");
    int code =
        run(
            "serve-bench",
            "--llama-server",
            fake.toString(),
            "--concurrency",
            "2",
            "--requests",
            "4",
            "--max-tokens",
            "4",
            "--prompt-tokens",
            "8",
            "--warmup",
            "0",
            "--ready-timeout",
            "60",
            "--out",
            results.toString(),
            "--",
            "-m",
            "model.gguf",
            "--ttft-ms",
            "5",
            "--itl-ms",
            "1");

    assertThat(code).as(err.toString()).isZero();
    List<JsonNode> lines = lines(results);
    JsonNode run = lines.get(0);
    assertThat(run.path("server").asText()).isEqualTo("llama-server");
    assertThat(run.path("server_info").path("command").asText())
        .contains("-m model.gguf", "--host 127.0.0.1 --port ");
    assertThat(lines.get(lines.size() - 1).path("completed").asInt()).isEqualTo(4);
    Path log = dir.resolve("launched.server.log");
    assertThat(Files.readString(log)).contains("out| port ");
  }

  @Test
  void aServerThatDiesBeforeItIsReadyGivesFailedLevelsNotNone() throws Exception {
    Path dies = script("llama-server", "echo 'error: failed to load model' >&2; exit 1");
    Path results = dir.resolve("dead.jsonl");
    int code =
        run(
            "serve-bench",
            "--llama-server",
            dies.toString(),
            "--concurrency",
            "1,4",
            "--requests",
            "5",
            "--out",
            results.toString(),
            "--",
            "-m",
            "missing.gguf");

    assertThat(code).isEqualTo(RunRows.SOME_ROWS_FAILED);
    List<JsonNode> lines = lines(results);
    assertThat(lines.get(0).path("error").asText()).contains("exit 1", "failed to load model");
    assertThat(lines.subList(1, 3))
        .allSatisfy(
            s -> {
              assertThat(s.path("kind").asText()).isEqualTo("summary");
              assertThat(s.path("errors").asInt()).isEqualTo(5);
            });
    assertThat(err.toString()).contains("not measured: the server ended before it was ready");
  }

  @Test
  void aServerThatNeverGetsReadyIsStoppedAfterTheReadyTimeout() throws Exception {
    Path hangs = script("llama-server", "exec sleep 60");
    int code =
        run(
            "serve-bench",
            "--llama-server",
            hangs.toString(),
            "--requests",
            "2",
            "--ready-timeout",
            "1",
            "--out",
            dir.resolve("hung.jsonl").toString());

    assertThat(code).isEqualTo(RunRows.SOME_ROWS_FAILED);
    assertThat(err.toString())
        .contains("not ready after 1 s (GET /health got no answer); stopped it");
  }

  @Test
  void badArgumentsAreBadInputNamingTheProblem() {
    assertThat(run("serve-bench", "--url", "http://127.0.0.1:1", "--", "-m", "x.gguf"))
        .isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("server flags after -- need a launcher");
    assertThat(run("serve-bench", "--url", "http://127.0.0.1:1", "--concurrency", "1,two"))
        .isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("'two' in '1,two'");
    assertThat(run("serve-bench", "--url", "http://127.0.0.1:1", "--slo", "ttft<2"))
        .isEqualTo(Main.BAD_INPUT);
    assertThat(run("serve-bench", "--url", "http://127.0.0.1:1", "--extra-body", "[1]"))
        .isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("--extra-body must be a JSON object");
  }
}
