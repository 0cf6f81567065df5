package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.cli.Main;
import dev.tokbench.results.ResultsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tokbench report} through the real command line, writing real files. */
class ReportCommandTest {
  @TempDir Path out;

  @Test
  void writesReportClaimsResultsAndChartsForTheOrin() throws IOException {
    int exit =
        Main.execute("report", "--data", TestData.orin().toString(), "--out", out.toString());
    assertThat(exit).isZero();
    String md = Files.readString(out.resolve("REPORT.md"));
    assertThat(md)
        .contains("## Executive Summary", "### LLaMA 3.2 3B Instruct — Q6_K (2.57 GB)")
        .contains("### Full Results Table", "### Memory Bandwidth Utilization")
        .contains("## 7. Model Inventory", "### llama.cpp — All Models Decode Speed");
    assertThat(Files.readString(out.resolve("claims.md"))).contains("| llama-lead |", "**partly**");
    assertThat(ResultsCsv.read(out.resolve("results.csv"))).hasSize(24);
    for (String chart :
        new String[] {"decode-1b-q6k", "decode-3b-q6k", "llama-cpp-decode", "decode-ceiling"}) {
      byte[] png = Files.readAllBytes(out.resolve("charts/" + chart + ".png"));
      assertThat(png).startsWith(0x89, 'P', 'N', 'G');
      assertThat(Files.readString(out.resolve("charts/" + chart + ".svg"))).contains("<svg");
    }
  }

  @Test
  void theH100FolderGivesItsOwnLlamaCppAndBandwidthTables() throws IOException {
    int exit =
        Main.execute("report", "--data", TestData.h100().toString(), "--out", out.toString());
    assertThat(exit).isZero();
    String md = Files.readString(out.resolve("REPORT.md"));
    assertThat(md).contains("NVIDIA H100 SXM5 80GB", "~3350 GB/s (practical ~3028 GB/s)");
    assertThat(md).contains("**633.68 ± 2.63**", "~642.5 GB/s*", "19.2%");
    assertThat(md).contains("| DEV=CUDA | 47.85 | 20.9   | 237.8 GB/s | 287.0 GB/s |");
    assertThat(out.resolve("claims.md")).doesNotExist(); // the H100 folder has no claims.yaml
  }

  @Test
  void compareWritesBothFoldersSideBySide() throws IOException {
    int exit =
        Main.execute(
            "report",
            "--data",
            TestData.orin().toString(),
            "--compare",
            TestData.h100().toString(),
            "--out",
            out.toString());
    assertThat(exit).isZero();
    assertThat(Files.readString(out.resolve("COMPARE.md")))
        .startsWith("# jetson-orin-agx-2025-07-17 against h100-sxm5-2026-11-25\n\n|")
        .contains("| LLaMA 3B Q6_K   | on  | tg128 | 11.98");
  }

  @Test
  void badDataFolderExitsTwo() {
    int exit =
        Main.execute(
            "report", "--data", out.resolve("missing").toString(), "--out", out.toString());
    assertThat(exit).isEqualTo(Main.BAD_INPUT);
  }
}
