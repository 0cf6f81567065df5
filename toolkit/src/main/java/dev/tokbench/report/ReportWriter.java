package dev.tokbench.report;

import dev.tokbench.results.ResultsCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report's files: REPORT.md, claims.md, results.csv and the charts. */
final class ReportWriter {
  private ReportWriter() {}

  static void write(Report report, Path out) {
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("REPORT.md"), report.markdown(), StandardCharsets.UTF_8);
      Path claims = out.resolve("claims.md");
      if (report.hasClaims())
        Files.writeString(claims, report.claimsMarkdown(), StandardCharsets.UTF_8);
      else Files.deleteIfExists(claims);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + out, e);
    }
    ResultsCsv.write(out.resolve("results.csv"), report.results());
    Path charts = out.resolve("charts");
    for (TextBars b : report.bars()) Charts.write(Charts.bars(b), charts, b.key());
    Charts.write(report.decodeCeilingChart(), charts, "decode-ceiling");
  }
}
