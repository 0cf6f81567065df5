package dev.tokbench.report;

import dev.tokbench.results.ResultsCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a report's files: REPORT.md, claims.md, results.csv, the charts and, when asked,
 * index.html, published-diff.md and COMPARE.md. What a run writes is listed in {@code
 * .tokbench-report}; a later run into the same folder removes what the earlier one wrote and it no
 * longer does (a chart whose data are gone), and any chart file under {@code charts/}, which is the
 * report's own. Other files stay.
 */
final class ReportWriter {
  static final String MANIFEST = ".tokbench-report";

  private final Path out;
  private final List<String> written = new ArrayList<>();

  private ReportWriter(Path out) {
    this.out = out;
  }

  /**
   * Writes the report under {@code out}; {@code html} adds index.html, {@code diff} the diff, a
   * {@code compare} report COMPARE.md (the two side by side); null for none.
   */
  static List<Path> write(Report report, Path out, boolean html, boolean diff, Report compare) {
    ReportWriter w = new ReportWriter(out);
    try {
      Files.createDirectories(out);
      w.text("REPORT.md", report.markdown());
      if (report.hasClaims()) w.text("claims.md", report.claimsMarkdown());
      ResultsCsv.write(out.resolve("results.csv"), report.results());
      w.written.add("results.csv");
      for (ReportChart c : report.charts()) {
        c.figure().writeTo(out.resolve("charts"));
        w.written.add("charts/" + c.id() + ".svg");
        w.written.add("charts/" + c.id() + ".png");
      }
      if (html) w.text("index.html", report.html());
      if (diff) w.text("published-diff.md", PublishedDiff.of(report).markdown());
      if (compare != null) w.text("COMPARE.md", report.compareMarkdown(compare));
      w.removeStale();
      Files.writeString(out.resolve(MANIFEST), String.join("\n", w.written) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + out, e);
    }
    return w.written.stream().map(out::resolve).toList();
  }

  private void text(String name, String content) throws IOException {
    Files.writeString(out.resolve(name), content, StandardCharsets.UTF_8);
    written.add(name);
  }

  private void removeStale() throws IOException {
    TreeSet<String> stale = new TreeSet<>();
    Path manifest = out.resolve(MANIFEST);
    if (Files.exists(manifest)) {
      for (String line : Files.readAllLines(manifest)) if (!line.isBlank()) stale.add(line.strip());
    }
    Path charts = out.resolve("charts");
    if (Files.isDirectory(charts)) {
      try (Stream<Path> files = Files.list(charts)) {
        files
            .map(p -> "charts/" + p.getFileName())
            .filter(n -> n.endsWith(".png") || n.endsWith(".svg"))
            .forEach(stale::add);
      }
    }
    stale.removeAll(written);
    for (String name : stale) {
      Path p = out.resolve(name).normalize();
      if (p.startsWith(out.normalize())) Files.deleteIfExists(p);
    }
  }
}
