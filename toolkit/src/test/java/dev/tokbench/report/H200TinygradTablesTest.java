package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import dev.tokbench.results.Status;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's {@code tinygrad-beam} and {@code prefill-decode} tables of the real H200 run ({@code
 * run/tinygrad/h200/}): its rows and llama-bench's of the same machine in a data folder's {@code
 * runs/}, as a user would drop them there, and docs/tinygrad.md's "On an H200" tables are exactly
 * what the report renders from them.
 */
class H200TinygradTablesTest {
  private static final List<String> RUNS =
      List.of(
          "harness-cold.jsonl",
          "llama3.jsonl",
          "harness-beam.jsonl",
          "harness-beam2.jsonl",
          "llama-bench-h200.jsonl");

  /** The catalogue's H200 (data/devices.csv: the data sheet's 4.8 TB/s). */
  private static final double H200_GB_PER_S = 4800;

  @TempDir static Path dir;
  private static Report report;

  @BeforeAll
  static void dataFolder() throws Exception {
    Path runs = Files.createDirectories(dir.resolve("h200/runs"));
    for (String f : RUNS) Files.copy(RunFixtures.path("tinygrad/h200/" + f), runs.resolve(f));
    Files.writeString(
        runs.getParent().resolve("device.csv"),
        "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
            + "NVIDIA H200,,,the catalogue\n");
    report = Report.from(runs.getParent());
  }

  private static final Path DOC = Path.of("..", "docs", "tinygrad.md");

  @Test
  void theDocsTablesAreWhatTheReportRendersFromTheRows() throws Exception {
    String doc = Files.readString(DOC);

    assertThat(doc).contains(report.table("tinygrad-beam").markdown());
    assertThat(doc).contains(report.table("prefill-decode").markdown());
  }

  @Test
  void theBeamTablePairsEachWarmRowWithItsColdOneAndTheSearchThatFinished() {
    ReportTable beam = report.table("tinygrad-beam");
    BenchResult cold = row("harness-cold", "tg128");
    BenchResult warm = row("harness-beam2", "tg128");

    assertThat(beam.rows())
        .extracting(r -> r.get(2).plain())
        .containsExactly("pp512", "tg128", "tg20");
    assertThat(beam.entry(1, 4).number()).isEqualTo(cold.tokensPerSMean());
    assertThat(beam.entry(1, 7).number()).isEqualTo(warm.tokensPerSMean());
    assertThat(beam.entry(1, 8).number()).isEqualTo(warm.tokensPerSMean() / cold.tokensPerSMean());
    assertThat(beam.entry(2, 9).plain()).isEqualTo("absent → 37.3 MB");
    // the cut search's failed rows stay among the results, out of the measured ones
    assertThat(report.results())
        .filteredOn(r -> r.status() == Status.FAILED)
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.reason()).contains("SIGTERM"));
  }

  @Test
  void theDocsBandwidthsAreTheRowsBytesPerTokenTimesTheirRates() throws Exception {
    String doc = Files.readString(DOC);
    List<String> lines =
        List.of(
            bandwidth("tinygrad llama3.py cold", row("llama3", "tg20"), llama3Bytes("tg20")),
            bandwidth("tinygrad llama3.py JITBEAM=2 warm", warm("llama3"), llama3Bytes(null)),
            bandwidth(
                "tinygrad harness cold",
                row("harness-cold", "tg128"),
                harnessBytes("harness-cold")),
            bandwidth(
                "tinygrad harness JITBEAM=2 warm",
                row("harness-beam2", "tg128"),
                harnessBytes("harness-beam2")),
            llamaCpp("llama-3.2-1b", "Q6_K"),
            llamaCpp("llama-3.1-8b", "Q8_0"));
    assertThat(doc).contains(lines);
  }

  private static String bandwidth(String run, BenchResult r, double bytes) {
    double gbs = bytes * r.tokensPerSMean() / 1e9;
    return String.format(
        Locale.ROOT,
        "| %s %s | %.2f GB | %.1f | %.0f GB/s | %.1f %% |",
        run,
        r.test(),
        bytes / 1e9,
        r.tokensPerSMean(),
        gbs,
        100 * gbs / H200_GB_PER_S);
  }

  private static String llamaCpp(String model, String quant) {
    BenchResult r =
        report.results().stream()
            .filter(x -> x.framework().equals("llama.cpp") && x.model().equals(model))
            .filter(x -> x.quant().equals(quant) && x.test().equals("tg128"))
            .findFirst()
            .orElseThrow();
    return bandwidth("llama.cpp " + model + " " + quant, r, r.modelBytes());
  }

  /** What one decode token moved by tinygrad's own counter, as the harness recorded it. */
  private static double harnessBytes(String step) {
    return Double.parseDouble(row(step, "tg128").extra().get("global_mem_gb_mean")) * 1e9;
  }

  /** llama3.py prints GB/s of GlobalCounters.global_mem per token time: their product. */
  private static double llama3Bytes(String test) {
    BenchResult r = test == null ? warm("llama3") : row("llama3", test);
    return Double.parseDouble(r.extra().get("gb_per_s_mean"))
        * Double.parseDouble(r.extra().get("total_ms_mean"))
        * 1e6;
  }

  private static BenchResult warm(String step) {
    return rows(step).stream()
        .filter(r -> "warm".equals(r.flags().get("phase")))
        .findFirst()
        .orElseThrow();
  }

  /** The first row of a step with this test name (the cold one, where phases share names). */
  private static BenchResult row(String step, String test) {
    List<BenchResult> rows = rows(step);
    return rows.stream()
        .filter(r -> r.test().equals(test))
        .filter(r -> !step.equals("harness-beam2") || "warm".equals(r.flags().get("phase")))
        .findFirst()
        .orElseThrow();
  }

  private static List<BenchResult> rows(String step) {
    return ResultsFile.read(RunFixtures.path("tinygrad/h200/" + step + ".jsonl"));
  }
}
