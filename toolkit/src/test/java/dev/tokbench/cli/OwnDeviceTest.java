package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.device.DeviceCatalog;
import dev.tokbench.tables.Tables;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A user's own device: a {@code devices.csv} with the columns {@code device --list} prints (or only
 * the required ones), or {@code report --device NAME --bandwidth GB/s} with no file at all; each
 * row judged by the device it names, a row on a device nobody describes listed, not computed.
 */
class OwnDeviceTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int tokbench(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  /** What a command prints on System.out (the commands print there, as the terminal sees it). */
  private String stdout(String... args) {
    PrintStream before = System.out;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      assertThat(tokbench(args)).as(err.toString()).isZero();
    } finally {
      System.setOut(before);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private Path folder(String name) throws Exception {
    Path data = Files.createDirectories(dir.resolve(name).resolve("runs")).getParent();
    Files.copy(fixture("llama-bench/cpu-tiny.jsonl"), data.resolve("runs/cpu-tiny.jsonl"));
    Files.copy(fixture("llama-bench/h100-report-matrix.json"), data.resolve("runs/h100.json"));
    return data;
  }

  private static Path fixture(String name) throws Exception {
    return Path.of(OwnDeviceTest.class.getResource("/run/" + name).toURI());
  }

  @Test
  void theListsColumnsAreTheCatalogueFilesColumns() {
    List<String> printed = Tables.devices(DeviceCatalog.builtin()).columnNames();
    assertThat(printed).isEqualTo(DeviceCatalog.COLUMNS);
    String csv = stdout("device", "--list", "--csv");
    assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", printed));
    // the printed text table names the same columns, in order
    String text = stdout("device", "--list");
    int at = -1;
    for (String c : printed) {
      int next = text.indexOf(c, at + 1);
      assertThat(next).as(c).isGreaterThan(at);
      at = next;
    }
  }

  @Test
  void aDevicesCsvAsTheListPrintsItOrWithOnlyTheRequiredColumnsDescribesTheFoldersDevice()
      throws Exception {
    Path data = folder("box");
    Files.writeString(
        data.resolve("device.csv"),
        "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
            + "Test box,,,the folder's devices.csv\n");
    String listed = stdout("device", "--list", "--csv");
    Files.writeString(data.resolve("devices.csv"), listed + "Test box,,24,DDR4,51.2,,mine\n");
    Path out = dir.resolve("out");
    assertThat(tokbench("report", "--data", data.toString(), "--out", out.toString()))
        .as(err.toString())
        .isZero();
    String report = Files.readString(out.resolve("REPORT.md"));
    assertThat(report).contains("**Device**: Test box", "~51 GB/s");

    Files.writeString(
        data.resolve("devices.csv"),
        "name,theoretical_bandwidth_gb_per_s,source\nTest box,68,two channels\n");
    assertThat(tokbench("report", "--data", data.toString(), "--out", out.toString()))
        .as(err.toString())
        .isZero();
    assertThat(Files.readString(out.resolve("REPORT.md"))).contains("~68 GB/s");
    assertThat(DeviceCatalog.read(data.resolve("devices.csv")).find("Test box").memoryGb()).isNaN();
  }

  @Test
  void aDeviceGivenOnTheCommandLineNeedsNoFileAndEachRowIsJudgedByItsOwnDevice() throws Exception {
    Path data = folder("my-board");
    Path out = dir.resolve("out");
    int code =
        tokbench(
            "report",
            "--data",
            data.toString(),
            "--out",
            out.toString(),
            "--device",
            "My board",
            "--bandwidth",
            "204.8");
    assertThat(code).as(err.toString()).isZero();
    String report = Files.readString(out.resolve("REPORT.md"));
    assertThat(report).contains("**Device**: My board", "~205 GB/s");
    // the H100 matrix's rows name their GPU: computed against the catalogue's H100 (3350 GB/s),
    // the CPU rows name an AMD EPYC no catalogue has: listed under the table, not computed
    // (1B Q6_K: 1.01 GB × 633.68 tok/s = 642.5 GB/s, 19.2 % of 3350, not 314 % of 204.8)
    assertThat(report)
        .contains("| ~642.5 GB/s* | 19.2%")
        .contains("Theoretical 3350.0 GB/s")
        .contains("Not computed, no catalogue entry for the device")
        .contains("4 rows on AMD EPYC")
        .doesNotContain("Theoretical 204.8");
  }

  @Test
  void anUnknownDeviceWithoutItsBandwidthAndABandwidthWithoutADeviceAreErrors() throws Exception {
    Path data = folder("x");
    Path out = dir.resolve("out");
    assertThat(
            tokbench(
                "report",
                "--data",
                data.toString(),
                "--out",
                out.toString(),
                "--device",
                "My board"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown device 'My board'", "--bandwidth");
    assertThat(
            tokbench(
                "report", "--data", data.toString(), "--out", out.toString(), "--bandwidth", "10"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("need --device");
  }
}
