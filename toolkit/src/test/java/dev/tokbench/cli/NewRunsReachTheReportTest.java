package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsCsv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run on a user's own machine reaches the report through the same code as the published figures:
 * a synthetic model benchmarked by {@code run llama-bench} (the embedded engine here) and a saved
 * llama-bench output dropped into {@code runs/}, on a device the catalogue lacks, described by the
 * folder's own {@code devices.csv}.
 */
class NewRunsReachTheReportTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int tokbench(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void aNewRunAndASavedLlamaBenchOutputInRunsAppearInTheReportTables() throws Exception {
    Path data = Files.createDirectories(dir.resolve("my-box/runs")).getParent();
    Path model = dir.resolve("tiny.gguf");
    assertThat(
            tokbench("synth", "--shape", "tiny-llama", "--type", "Q8_0", "--out", model.toString()))
        .isZero();
    String[] run = {
      "run",
      "llama-bench",
      "--embedded",
      "--out",
      data.resolve("runs/embedded.csv").toString(),
      "--",
      "-m",
      model.toString(),
      "-p",
      "16",
      "-n",
      "4",
      "-r",
      "1",
      "-t",
      "1"
    };
    assertThat(tokbench(run)).as(err.toString()).isZero();
    Files.copy(
        Path.of(getClass().getResource("/run/llama-bench/cpu-tiny.jsonl").toURI()),
        data.resolve("runs/cpu-tiny.jsonl"));
    Files.writeString(
        data.resolve("device.csv"),
        "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
            + "Test box,,,the folder's devices.csv\n");
    Files.writeString(
        data.resolve("devices.csv"),
        "name,aliases,memory_gb,memory_type,theoretical_bandwidth_gb_per_s,peak_fp16_dense_tflops,source\n"
            + "Test box,,24,DDR4,51.2,,two channels of DDR4-3200\n");

    Path out = dir.resolve("out");
    assertThat(tokbench("report", "--data", data.toString(), "--out", out.toString()))
        .as(err.toString())
        .isZero();

    String report = Files.readString(out.resolve("REPORT.md"));
    assertThat(report)
        .contains("**Device**: Test box", "**Theoretical memory bandwidth**: ~51 GB/s")
        .contains("Theoretical 51.2 GB/s, practical not stated.");
    // the folder states no claims (no claims.yaml), so the report makes none
    assertThat(out.resolve("claims.md")).doesNotExist();
    // cpu-tiny.jsonl, as llama-bench measured it: Q8_0 without flash attention
    assertThat(report)
        .containsPattern("\\| tiny-llama \\| Q8_0 +\\| off \\| [0-9.]+ ± [0-9.]+ +\\|");
    // each row is judged by the device it names (this machine's CPU, the fixture's AMD EPYC),
    // which the catalogue lacks: listed under the table, not computed against the Test box
    String embeddedDevice =
        ResultsCsv.read(out.resolve("results.csv")).stream()
            .filter(r -> r.framework().equals("llama.cpp (embedded)"))
            .findFirst()
            .orElseThrow()
            .device();
    assertThat(report)
        .contains("Not computed, no catalogue entry for the device")
        .contains("rows on AMD EPYC")
        .contains("on " + embeddedDevice);
    assertThat(report)
        .contains("### Embedded llama.cpp (tokbench, CPU, in-process)")
        .containsPattern(
            "\\| Model +\\| Quant \\| FA +\\| pp16 \\(tok/s\\) +\\| tg4 \\(tok/s\\) +\\|")
        .containsPattern(
            "\\| tiny-llama \\| Q8_0 +\\| off \\| [0-9.]+ ± [0-9.]+ +\\| \\*\\*[0-9.]+ ± [0-9.]+\\*\\* +\\|");
    List<BenchResult> rows = ResultsCsv.read(out.resolve("results.csv"));
    assertThat(rows)
        .filteredOn(r -> r.framework().equals("llama.cpp (embedded)"))
        .extracting(BenchResult::test)
        .containsExactly("pp16", "tg4");
    assertThat(rows).filteredOn(r -> r.framework().equals("llama.cpp")).hasSize(8);
  }

  @Test
  void anUnrecognisableFileInRunsIsBadInputNamingIt() throws Exception {
    Path data = Files.createDirectories(dir.resolve("box/runs")).getParent();
    Files.writeString(data.resolve("runs/notes.txt"), "just some notes\n");
    Files.writeString(
        data.resolve("device.csv"),
        "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
            + "NVIDIA H100 SXM5 80GB,,,catalogue\n");
    assertThat(tokbench("report", "--data", data.toString(), "--out", dir.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("notes.txt");
  }
}
