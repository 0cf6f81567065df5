package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.report.Report;
import dev.tokbench.report.ReportTable;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run tinygrad --prefill 64 --gen 16 --beam 2 --cold} end to end through the command line (a
 * fake tinygrad replaying the harness's real CPU captures), its rows into a data folder's {@code
 * runs/} beside the embedded llama.cpp's on a model of the same name, and the report's tables: BEAM
 * phases side by side, prefill beside llama.cpp's, search rows in neither.
 */
class TinygradRunsReachTheReportTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int tokbench(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static Path resource(String name) throws Exception {
    return Path.of(TinygradRunsReachTheReportTest.class.getResource("/run/" + name).toURI());
  }

  private Path checkout() throws Exception {
    Path c = Files.createDirectories(dir.resolve("tinygrad/examples")).getParent();
    Files.writeString(c.resolve("examples/llama3.py"), "# replaced by the fake\n");
    Files.writeString(c.resolve("pyproject.toml"), "[project]\nversion = \"0.13.0\"\n");
    return c;
  }

  private Path python() throws Exception {
    Path p = dir.resolve("python3");
    Files.copy(resource("scripts/fake-tinygrad.sh"), p, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void beamPhasesAndPrefillReachTheReportsTables() throws Exception {
    Path data = Files.createDirectories(dir.resolve("box/runs")).getParent();
    Path model = dir.resolve("tiny-llama-Q6_K.gguf");
    assertThat(tokbench("synth", "--shape", "tiny-llama", "--type", "Q6_K", "--out", "" + model))
        .isZero();
    Path tinygradRows = data.resolve("runs/tinygrad.jsonl");
    int code =
        tokbench(
            "run",
            "tinygrad",
            "--checkout",
            checkout().toString(),
            "--model",
            model.toString(),
            "--python",
            python().toString(),
            "--backend",
            "CPU",
            "--prefill",
            "64",
            "--gen",
            "16",
            "--repetitions",
            "2",
            "--beam",
            "2",
            "--cold",
            "--env",
            "FAKE_CAPTURES=" + resource("tinygrad/beam"),
            "--env",
            "REPLAY_DELAY=0",
            "--env",
            "CACHEDB=" + dir.resolve("beam.db"),
            "--out",
            tinygradRows.toString());
    assertThat(code).as(err.toString()).isZero();
    List<BenchResult> rows = ResultsFile.read(tinygradRows);
    assertThat(rows)
        .extracting(r -> r.flags().get("phase") + " " + r.test())
        .containsExactly(
            "cold pp64",
            "cold tg16",
            "search search pp64",
            "search search tg16",
            "warm pp64",
            "warm tg16");
    String[] llama = {
      "run",
      "llama-bench",
      "--embedded",
      "--out",
      data.resolve("runs/llama.csv").toString(),
      "--",
      "-m",
      model.toString(),
      "-p",
      "64",
      "-n",
      "16",
      "-r",
      "1",
      "-t",
      "1"
    };
    assertThat(tokbench(llama)).as(err.toString()).isZero();
    Files.writeString(
        data.resolve("device.csv"),
        "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
            + "Test box,,,the folder's devices.csv\n");
    Files.writeString(
        data.resolve("devices.csv"),
        "name,aliases,memory_gb,memory_type,theoretical_bandwidth_gb_per_s,"
            + "peak_fp16_dense_tflops,source\nTest box,,24,DDR4,51.2,,two channels\n");

    Report report = Report.from(data);

    BenchResult cold = phase(rows, BeamPhase.COLD, "pp64");
    BenchResult search = phase(rows, BeamPhase.SEARCH, "search pp64");
    BenchResult warm = phase(rows, BeamPhase.WARM, "pp64");
    ReportTable beam = report.table("tinygrad-beam");
    assertThat(beam.rows()).hasSize(2);
    assertThat(beam.entry(0, 2).plain()).isEqualTo("pp64");
    assertThat(beam.entry(0, 4).number()).isEqualTo(cold.tokensPerSMean());
    assertThat(beam.entry(0, 5).number()).isEqualTo(search.tokensPerSMean());
    assertThat(beam.entry(0, 7).number()).isEqualTo(warm.tokensPerSMean());
    assertThat(beam.entry(0, 8).number()).isEqualTo(warm.tokensPerSMean() / cold.tokensPerSMean());
    assertThat(beam.entry(0, 9).plain()).startsWith("absent → ");

    ReportTable prefill = report.table("prefill-decode");
    assertThat(prefill.headers())
        .containsExactly("Model", "Framework", "pp64 (tok/s)", "tg16 (tok/s)");
    assertThat(prefill.rows())
        .extracting(r -> r.get(1).plain())
        .containsExactlyInAnyOrder(
            "tinygrad cold", "tinygrad JITBEAM=2 warm", "llama.cpp (embedded)");
    int warmRow =
        prefill.rows().stream()
            .map(r -> r.get(1).plain())
            .toList()
            .indexOf("tinygrad JITBEAM=2 warm");
    assertThat(prefill.entry(warmRow, 2).number()).isEqualTo(warm.tokensPerSMean());
    assertThat(report.markdown()).doesNotContain("search pp64 (tok/s)");
    assertThat(report.data().measured()).noneMatch(BeamPhase::isSearch);
  }

  private static BenchResult phase(List<BenchResult> rows, BeamPhase p, String test) {
    return rows.stream()
        .filter(r -> BeamPhase.of(r).orElse(null) == p && r.test().equals(test))
        .findFirst()
        .orElseThrow();
  }
}
