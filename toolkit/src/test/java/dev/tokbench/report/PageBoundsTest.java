package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet's table on a page: the first {@link PageBounds#TABLE_ROWS} rows, and a line that says how
 * many more rows and runs are not shown and where they are; the table itself keeps every row.
 */
class PageBoundsTest {
  private static BenchResult run(int i) {
    return BenchResult.measured("llama.cpp")
        .model("m" + i, "Q4_K_M")
        .test("tg128", 0, 128, 0)
        .tokensPerS(100 + i, 1, List.of())
        .build();
  }

  /** {@code n} rows, each a figure merged from two runs. */
  private static ReportTable table(int n) {
    List<List<Entry>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Entry figure = Entry.number(Integer.toString(i), i).from(run(2 * i), run(2 * i + 1));
      rows.add(List.of(Entry.text("row " + i), figure));
    }
    return new ReportTable("llama.cpp", "Full Results Table", List.of("Row", "tok/s"), rows, "");
  }

  private static long dataLines(String markdown) {
    return markdown.lines().filter(l -> l.startsWith("| row ")).count();
  }

  @Test
  void aTableWithinTheBoundIsShownWhole() {
    String md = table(PageBounds.TABLE_ROWS).markdown();
    assertThat(dataLines(md)).isEqualTo(PageBounds.TABLE_ROWS);
    assertThat(md).doesNotContain("not shown");
  }

  @Test
  void aLargerTableShowsTheFirstRowsAndSaysHowManyMoreRowsAndRunsAreNotShown() {
    ReportTable t = table(PageBounds.TABLE_ROWS + 1234);
    String md = t.markdown();
    assertThat(dataLines(md)).isEqualTo(PageBounds.TABLE_ROWS);
    assertThat(md).contains("| row 199 ").doesNotContain("| row 200 ");
    assertThat(md)
        .contains(
            "*1,234 more rows not shown (a page shows the first 200 rows of a table); they hold"
                + " 2,468 runs, every one in results.csv, and the whole table is"
                + " table(\"llama.cpp\").csv().*");
    assertThat(t.html()).contains("1,234 more rows not shown").doesNotContain("row 200<");
    // the table keeps every row: its CSV, its cells and the placements are not bounded
    assertThat(t.rows()).hasSize(PageBounds.TABLE_ROWS + 1234);
    assertThat(t.csv().lines()).hasSize(PageBounds.TABLE_ROWS + 1234 + 1);
  }

  @Test
  void runsSharedByTwoHiddenRowsAreCountedOnce() {
    BenchResult a = run(1);
    BenchResult b = run(2);
    List<List<Entry>> rows = new ArrayList<>();
    for (int i = 0; i < PageBounds.TABLE_ROWS + 2; i++) {
      rows.add(List.of(Entry.text("row " + i), Entry.number("1", 1).from(a, b)));
    }
    String md = new ReportTable("ratios", "Ratios", List.of("Row", "×"), rows, "").markdown();
    assertThat(md).contains("2 more rows not shown").contains("they hold 2 runs");
  }

  @Test
  void theHtmlOfAFleetsFolderListsTheFirstRowsAndEveryRowItLinksTo(@TempDir Path dir)
      throws IOException {
    Report r = Report.from(FleetFolder.of(dir.resolve("fleet")));
    assertThat(r.results()).hasSizeGreaterThan(PageBounds.EVERY_ROW);
    String html = r.html();
    Set<String> targets = new TreeSet<>();
    Matcher href = Pattern.compile("href=\"#(row-\\d+)\"").matcher(html);
    while (href.find()) targets.add(href.group(1));
    Matcher rows = Pattern.compile("data-rows=\"([\\d ]+)\"").matcher(html); // a figure's runs
    while (rows.find()) for (String n : rows.group(1).split(" ")) targets.add("row-" + n);
    Set<String> listed = new TreeSet<>();
    Matcher id = Pattern.compile("<tr id=\"(row-\\d+)\"").matcher(html);
    while (id.find()) listed.add(id.group(1));
    assertThat(listed).containsAll(targets).contains("row-1", "row-1000");
    long beyond = targets.stream().filter(t -> Integer.parseInt(t.substring(4)) > 1000).count();
    assertThat(beyond).isPositive(); // the table's figures link to rows past the first 1,000
    assertThat(listed).hasSize(1000 + (int) beyond);
    assertThat(html)
        .contains(
            "The first 1,000 of "
                + PageBounds.count(r.results().size())
                + " rows, and the "
                + beyond
                + " more that the page links to; every row is in results.csv.");
  }

  @Test
  void theDecodeCeilingOfAFleetsFolderLabelsNoPointAndSaysWhy(@TempDir Path dir)
      throws IOException {
    Report r = Report.from(FleetFolder.of(dir.resolve("fleet")));
    ReportChart ceiling = r.chart("decode-ceiling");
    List<dev.tokbench.report.chart.XyChart.Point> points =
        r.decodeCeilingChart().series().stream()
            .filter(s -> !s.line()) // the measured points, not the ceilings' lines
            .flatMap(s -> s.points().stream())
            .toList();
    // 360 decode configurations: more than a chart labels, and more than it draws
    assertThat(points).hasSize(PageBounds.POINTS);
    assertThat(points).allMatch(p -> p.label().isEmpty());
    assertThat(ceiling.caption())
        .contains(
            "Points are not labelled: a folder of more than 50 decode configurations would bury"
                + " them under their labels. Drawn: the first 200 of 360 decode configurations;");
    // a folder within the bound keeps its labels
    assertThat(Report.from(TestData.h100()).decodeCeilingChart().series())
        .filteredOn(s -> !s.line())
        .flatMap(s -> s.points())
        .isNotEmpty()
        .allMatch(p -> !p.label().isEmpty());
  }
}
