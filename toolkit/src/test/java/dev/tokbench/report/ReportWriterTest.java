package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report whose results.csv cannot be written fails naming it, after writing its page. */
class ReportWriterTest {
  @TempDir Path dir;

  @Test
  void aResultsCsvThatCannotBeWrittenIsTheReportsError() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("results.csv")); // a folder where the file goes
    Report h100 = Report.from(TestData.h100());
    assertThatThrownBy(() -> h100.writeTo(out))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("results.csv");
    assertThat(out.resolve("REPORT.md")).exists(); // the page was written meanwhile
  }
}
