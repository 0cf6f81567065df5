package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.formats.Import;
import dev.tokbench.report.Report;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import dev.tokbench.results.ServeMetrics;
import dev.tokbench.serve.ScriptedServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * serve-bench's levels reach the results and the report: {@code --results} appends a row per level,
 * {@code --out} into a data folder's runs/ is read by the report, and {@code import} of the JSONL
 * is idempotent.
 */
class ServeResultsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine(args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void aRunsLevelsBecomeRowsInTheResultsFileAndTheDataFolderReport() throws Exception {
    Path folder = dir.resolve("data");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("device.csv"),
        "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
            + "NVIDIA H200,,,catalogue\n");
    Path jsonl = folder.resolve("runs/serve.jsonl");
    Path results = dir.resolve("results.csv");
    try (var server = ScriptedServers.steady(5, 1)) {
      String[] args =
          ServeBenchCommandTest.smallRun(
              server.url(), "--out", jsonl.toString(), "--results", results.toString());
      assertThat(run(args)).as(err.toString()).isZero();
    }
    List<BenchResult> rows = ResultsFile.read(results);
    assertThat(rows)
        .extracting(BenchResult::test)
        .containsExactly("serve c1", "serve c2", "serve rinf");
    for (BenchResult r : rows) {
      ServeMetrics m = ServeMetrics.of(r).orElseThrow();
      assertThat(m.completed()).isEqualTo(4);
      assertThat(m.ttftEach()).hasSize(4);
      assertThat(r.nGen()).isEqualTo(3);
      assertThat(r.tokensPerSMean()).isPositive();
      assertThat(r.flags()).containsEntry("slo", "ttft=10000ms");
    }
    // the same rows as importing the JSONL afterwards: the row is made the same way
    assertThat(Import.read(jsonl))
        .extracting(BenchResult::extra)
        .containsExactlyElementsOf(rows.stream().map(BenchResult::extra).toList());

    Report report = Report.from(folder);
    assertThat(report.table("serving").rows()).hasSize(3);
    assertThat(report.placements()).allSatisfy(p -> assertThat(p.shown()).isTrue());
  }

  @Test
  void importingAServeJsonlTwiceAddsItsLevelsOnce() throws Exception {
    Path jsonl = Path.of(ServeResultsTest.class.getResource("/serve/h200-serve.jsonl").toURI());
    Path results = dir.resolve("all.jsonl");
    assertThat(run("import", "--out", results.toString(), jsonl.toString())).isZero();
    assertThat(run("import", "--format", "serve", "--out", results.toString(), jsonl.toString()))
        .isZero();

    assertThat(ResultsFile.read(results)).hasSize(6);
    assertThat(err.toString()).contains("already imported", "nothing new to import");
    assertThat(run("import", "--format", "vllm", jsonl.toString())).isNotZero();
    assertThat(err.toString()).contains("the content is a tokbench serve-bench JSONL");
  }
}
