package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one check against the published Markdown itself (kept in the data folder as {@code
 * published-report.md}): the regenerated tables render the same cell strings as the published ones,
 * except where the report is inconsistent.
 */
class PublishedMarkdownTest {
  private final Report report = Report.from(TestData.orin());

  /** The report's tables in order, each as rows of trimmed cells, header first. */
  private static List<List<List<String>>> publishedTables() throws IOException {
    List<List<List<String>>> tables = new ArrayList<>();
    List<List<String>> current = null;
    for (String line : Files.readAllLines(TestData.orin().resolve("published-report.md"))) {
      if (!line.startsWith("|")) {
        current = null;
        continue;
      }
      if (current == null) tables.add(current = new ArrayList<>());
      if (line.startsWith("|--") || line.startsWith("| --")) continue;
      String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
      current.add(Arrays.stream(cells).map(String::trim).toList());
    }
    return tables;
  }

  private List<List<String>> regenerated(String name) {
    ReportTable t = report.table(name);
    List<List<String>> out = new ArrayList<>(List.of(t.headers()));
    out.addAll(t.markdownCells());
    return out;
  }

  @Test
  void resultTablesMatchThePublishedOnesCellForCell() throws IOException {
    List<List<List<String>>> published = publishedTables();
    assertThat(published).hasSize(7);
    assertThat(regenerated("summary")).isEqualTo(published.get(0));
    assertThat(regenerated("tinygrad 1B Q6_K")).isEqualTo(published.get(1));
    assertThat(regenerated("tinygrad 1B Q4_K_M")).isEqualTo(published.get(2));
    assertThat(regenerated("tinygrad 3B Q6_K")).isEqualTo(published.get(3));
    assertThat(regenerated("llama.cpp")).isEqualTo(published.get(4));
    assertThat(regenerated("models")).isEqualTo(published.get(6));
  }

  @Test
  void bandwidthTableMatchesExceptTheOnePercentThatDoesNotFollowFromItsInputs() throws IOException {
    List<List<String>> published = publishedTables().get(5);
    List<List<String>> ours = regenerated("bandwidth");
    assertThat(ours.get(0)).isEqualTo(published.get(0));
    List<List<String>> differing = new ArrayList<>();
    for (List<String> row : published.subList(1, published.size())) {
      if (!ours.contains(row)) differing.add(row);
    }
    assertThat(differing)
        .containsExactly(List.of("tinygrad NV=1", "3B Q6_K", "65.5 GB/s", "31.9%"));
  }

  @Test
  void tinygradTitlesMatchThePublishedHeadings() throws IOException {
    String md = Files.readString(TestData.orin().resolve("published-report.md"));
    for (ReportTable t : report.tables()) {
      if (t.name().startsWith("tinygrad ")) assertThat(md).contains("### " + t.title() + "\n");
    }
  }
}
