package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-running a report into the same folder leaves exactly what this run writes plus the files the
 * report never wrote; REPORT.md embeds every chart it writes, each with a caption.
 */
class ReportOutputsTest {
  @TempDir Path out;

  @Test
  void aRerunRemovesWhatItNoLongerWritesAndKeepsOtherFiles() throws IOException {
    Report orin = Report.from(TestData.orin());
    orin.writeTo(out, true, true);
    assertThat(out.resolve("index.html")).exists();
    assertThat(out.resolve("published-diff.md")).exists();
    Files.writeString(out.resolve("charts/gone-chart.svg"), "<svg/>");
    Files.writeString(out.resolve("charts/gone-chart.png"), "png");
    Files.writeString(out.resolve("my-notes.txt"), "mine");

    List<Path> written = orin.writeTo(out, false, false);

    assertThat(out.resolve("index.html")).doesNotExist();
    assertThat(out.resolve("published-diff.md")).doesNotExist();
    assertThat(out.resolve("charts/gone-chart.svg")).doesNotExist();
    assertThat(out.resolve("charts/gone-chart.png")).doesNotExist();
    assertThat(out.resolve("my-notes.txt")).hasContent("mine");
    for (Path p : written) assertThat(p).isRegularFile();
    assertThat(written)
        .contains(out.resolve("REPORT.md"), out.resolve("charts/decode-ceiling.svg"));
  }

  @Test
  void compareMdIsWrittenWithTheRestAndRemovedByARunWithoutIt() throws IOException {
    Report orin = Report.from(TestData.orin());
    Report h100 = Report.from(TestData.h100());
    List<Path> written = orin.writeTo(out, false, false, h100);
    assertThat(written).contains(out.resolve("COMPARE.md"));
    assertThat(out.resolve("COMPARE.md")).hasContent(orin.compareMarkdown(h100));
    assertThat(Files.readAllLines(out.resolve(ReportWriter.MANIFEST))).contains("COMPARE.md");

    orin.writeTo(out, false, false);

    assertThat(out.resolve("COMPARE.md")).doesNotExist();
    assertThat(out.resolve("REPORT.md")).isRegularFile();
  }

  @Test
  void everyChartWrittenIsEmbeddedWithACaption() throws IOException {
    Report orin = Report.from(TestData.orin());
    orin.writeTo(out);
    List<String> md = Files.readAllLines(out.resolve("REPORT.md"));
    for (ReportChart c : orin.charts()) {
      String image = "![" + c.figure().title() + "](charts/" + c.id() + ".svg)";
      int at = md.indexOf(image);
      assertThat(at).as(image).isNotNegative();
      assertThat(md.get(at + 2)).as("caption of " + c.id()).isEqualTo("*" + c.caption() + "*");
      assertThat(out.resolve("charts/" + c.id() + ".svg")).isRegularFile();
      assertThat(out.resolve("charts/" + c.id() + ".png")).isRegularFile();
    }
  }
}
