package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.formats.Import;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MemoryRow;
import dev.tokbench.results.ResultsFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * serve-bench's launched llama-server, at {@code -lv 4}, reports its memory in its kept log (the
 * breakdown at its clean exit): serve-bench records it as memory rows beside its output, stamped
 * with the log's hash, and a data folder holding both counts the rows once.
 */
class ServeBenchMemoryTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  @Test
  void aRealLlamaServersBreakdownBecomesMemoryRowsBesideTheServeOutput() throws Exception {
    String binary = System.getenv("LLAMA_SERVER");
    String why = "skipped: LLAMA_SERVER is not set to a llama-server binary";
    if (binary == null || !Files.isExecutable(Path.of(binary)))
      System.out.println(getClass().getSimpleName() + " " + why);
    assumeTrue(binary != null && Files.isExecutable(Path.of(binary)), why);
    URL model = getClass().getResource("/gguf/tiny-llama-Q8_0.gguf");
    assumeTrue(model != null, "skipped: the GGUF fixtures are not on the classpath");
    Path results = dir.resolve("serve.jsonl");

    String[] args = {
      "serve-bench",
      "--llama-server",
      binary,
      "--concurrency",
      "1",
      "--requests",
      "2",
      "--prompt-tokens",
      "8",
      "--max-tokens",
      "2",
      "--warmup",
      "0",
      "--ban-byte-tokens",
      "--ready-timeout",
      "60",
      "--out",
      results.toString(),
      "--",
      "-m",
      Path.of(model.toURI()).toString(),
      "-c",
      "512",
      "-t",
      "1",
      "-lv",
      "4"
    };
    CommandLine cl = Main.commandLine(args);
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);

    assertThat(code).as(err.toString()).isZero();
    Path log = dir.resolve("serve.server.log");
    Path memory = dir.resolve("serve.memory.jsonl");
    assertThat(err.toString()).contains("-> " + memory);
    List<BenchResult> rows = ResultsFile.read(memory);
    assertThat(rows).isNotEmpty().allMatch(MemoryRow::is).allMatch(BenchResult::ok);
    // the rows are what importing the kept log gives, with its hash
    List<BenchResult> imported = Import.read(log);
    assertThat(rows).hasSameSizeAs(imported);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).extra()).isEqualTo(imported.get(i).extra());
      assertThat(rows.get(i).provenance())
          .containsEntry(Import.SOURCE_HASH, Import.sha256(log))
          .containsEntry("memory_from", "llama-server log (serve-bench --llama-server)");
    }
    BenchResult host = rows.get(0);
    assertThat(host.extra())
        .containsEntry(MemoryRow.DEVICE, "Host")
        .containsEntry("memory_from", "breakdown")
        .containsKeys("memory_self_mib", "buffer.context.CPU_mib");
    // a data folder with the log and the rows: the log is the rows' source, counted once
    Path runs = Files.createDirectories(dir.resolve("folder/runs"));
    Files.writeString(
        dir.resolve("folder/device.csv"),
        "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
            + "NVIDIA H200,,,catalogue\n");
    Files.copy(log, runs.resolve(log.getFileName()));
    Files.copy(memory, runs.resolve(memory.getFileName()));
    var folder = dev.tokbench.report.DataFolder.read(dir.resolve("folder"));
    assertThat(folder.results()).hasSameSizeAs(rows);
    assertThat(folder.skipped())
        .anySatisfy(f -> assertThat(f.reason()).startsWith("already imported into"));
    assertThat(MemoryRow.mib(host, "self"))
        .isEqualTo(
            MemoryRow.mib(host, "model")
                + MemoryRow.mib(host, "context")
                + MemoryRow.mib(host, "compute"));
  }
}
