package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsCsv;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import, run and sweep commands through the real command line. */
class RunCommandsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.run(out, err, args);
  }

  private static Path resource(String name) throws Exception {
    URL url = RunCommandsTest.class.getResource("/run/" + name);
    return Path.of(url.toURI());
  }

  @Test
  void importPrintsNormalisedCsvForEveryLlamaBenchFormat() throws Exception {
    int code =
        run(
            "import",
            resource("llama-bench/cpu-tiny.sql").toString(),
            resource("llama-bench/cpu-tiny.md").toString());

    assertThat(code).isZero();
    List<BenchResult> rows = ResultsCsv.read(new StringReader(out.toString()), "stdout");
    assertThat(rows).hasSize(16);
    assertThat(err.toString()).contains("16 rows, 0 not ok");
  }

  @Test
  void importOfAFailedRunExitsThreeAndAppendsToJsonl() throws Exception {
    Path results = dir.resolve("r.jsonl");
    int code =
        run(
            "import",
            "--out",
            results.toString(),
            resource("llama-bench/missing-model.stdout").toString(),
            resource("llama-bench/cpu-tiny.json").toString());
    int tinygrad =
        run(
            "import",
            "--format",
            "tinygrad",
            "--out",
            results.toString(),
            resource("tinygrad/cuda_q4km.log").toString());

    assertThat(code).isEqualTo(RunRows.SOME_ROWS_FAILED);
    assertThat(tinygrad).isZero();
    assertThat(Files.readAllLines(results)).hasSize(10);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void importOfGarbageIsBadInputNamingTheFile() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.txt"), "hello\n");
    int code = run("import", junk.toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString())
        .contains("junk.txt:1")
        .contains("not a benchmark output tokbench recognises");
  }

  @Test
  void runLlamaBenchAppendsRowsAsTheyFinish() throws Exception {
    Path replay = dir.resolve("llama-bench");
    Files.writeString(
        replay,
        "#!/bin/sh\nREPLAY_STDOUT='"
            + resource("llama-bench/cpu-tiny.jsonl")
            + "' REPLAY_DELAY=0 exec sh '"
            + resource("scripts/replay.sh")
            + "' \"$@\"\n");
    Files.setPosixFilePermissions(replay, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path results = dir.resolve("results.csv");

    int code =
        run(
            "run",
            "llama-bench",
            "--binary",
            replay.toString(),
            "--out",
            results.toString(),
            "--",
            "-m",
            "m.gguf",
            "-p",
            "64");

    assertThat(code).isZero();
    List<BenchResult> rows = ResultsCsv.read(results);
    assertThat(rows).hasSize(8);
    assertThat(rows.get(0).provenance().get("command")).endsWith("-m m.gguf -p 64 -v -o jsonl");
  }

  @Test
  void runLlamaBenchWithoutOutPrintsEachRowOnStdoutAsItsTestFinishes() throws Exception {
    // three tests finish, then llama-bench hangs until the timeout kills it: the three rows must
    // be on stdout while it hangs, not only when the command ends
    Path replay = dir.resolve("llama-bench");
    Files.writeString(
        replay,
        "#!/bin/sh\nREPLAY_STDOUT='"
            + resource("llama-bench/cpu-tiny.jsonl")
            + "' REPLAY_DELAY=0 REPLAY_LINES=3 REPLAY_THEN=hang exec sh '"
            + resource("scripts/replay.sh")
            + "'\n");
    Files.setPosixFilePermissions(replay, PosixFilePermissions.fromString("rwxr-xr-x"));
    CompletableFuture<Integer> code =
        CompletableFuture.supplyAsync(
            () -> run("run", "llama-bench", "--binary", replay.toString(), "--timeout", "8"));

    boolean printedWhileHanging = false;
    while (!code.isDone() && !printedWhileHanging) {
      printedWhileHanging = out.toString().lines().count() == 1 + 3;
      Thread.sleep(20);
    }

    assertThat(printedWhileHanging).isTrue();
    assertThat(code.get(60, TimeUnit.SECONDS)).isEqualTo(RunRows.SOME_ROWS_FAILED);
    List<BenchResult> rows = ResultsCsv.read(new StringReader(out.toString()), "stdout");
    assertThat(rows).hasSize(4);
    assertThat(rows.subList(0, 3)).allMatch(BenchResult::ok);
    assertThat(rows.get(3).reason()).startsWith("timed out after").contains("still computing");
  }

  @Test
  void runWithoutAFrameworkListsThem() {
    int code = run("run");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("llama-bench").contains("tinygrad");
  }

  /** A fake tool from resources/run/scripts, installed executable under {@code dir/bin}. */
  private Path fake(String script, String as) throws Exception {
    Path target = Files.createDirectories(dir.resolve("bin")).resolve(as);
    Files.copy(resource("scripts/" + script), target);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    return target;
  }

  @Test
  void runVllmAppendsItsLatencyRowAndPassesArgumentsThrough() throws Exception {
    Path vllm = fake("vllm", "vllm");
    Path results = dir.resolve("results.jsonl");

    int code =
        run(
            "run",
            "vllm",
            "--binary",
            vllm.toString(),
            "--model",
            "meta-llama/Llama-3.2-1B-Instruct",
            "--batch-size",
            "8",
            "--env",
            "FAKE_RESULT=" + resource("vllm/latency.json"),
            "--out",
            results.toString(),
            "--",
            "--enforce-eager");

    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("\"framework\":\"vllm\"").contains("--enforce-eager");
  }

  @Test
  void runMlcWithoutMlcLlmExitsThreeWithANotInstalledRow() throws Exception {
    Path python = fake("python3-mlc", "python3");

    int code =
        run(
            "run",
            "mlc",
            "--python",
            python.toString(),
            "--model-dir",
            dir.resolve("Llama-3.2-1B-Instruct-q4f16_1-MLC").toString(),
            "--model-lib",
            "lib.so",
            "--env",
            "FAKE_THEN=missing");

    assertThat(code).isEqualTo(RunRows.SOME_ROWS_FAILED);
    List<BenchResult> rows = ResultsCsv.read(new StringReader(out.toString()), "stdout");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).reason()).contains("mlc-llm not installed");
    assertThat(err.toString()).contains("1 rows, 1 not ok");
  }

  @Test
  void importMergesTokbenchsOwnResultsFilesInEitherFormat() throws Exception {
    Path jsonl = dir.resolve("first.jsonl");
    Path csv = dir.resolve("second.csv");
    assertThat(
            run(
                "import",
                "--out",
                jsonl.toString(),
                resource("llama-bench/cpu-tiny.json").toString()))
        .isZero();
    assertThat(
            run("import", "--out", csv.toString(), resource("llama-bench/cpu-tiny.sql").toString()))
        .isZero();
    out.getBuffer().setLength(0);

    assertThat(run("import", jsonl.toString(), csv.toString())).as(err.toString()).isZero();

    List<BenchResult> merged = ResultsCsv.read(new StringReader(out.toString()), "stdout");
    assertThat(merged).hasSize(16);
    assertThat(merged.subList(0, 8)).isEqualTo(dev.tokbench.results.ResultsFile.read(jsonl));
    assertThat(dev.tokbench.formats.Import.detect(csv)).isEqualTo("tokbench");
  }
}
