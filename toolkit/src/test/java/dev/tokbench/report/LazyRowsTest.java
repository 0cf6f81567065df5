package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large tables make their rows when they are read ({@link LazyRows}): the same rows each time,
 * and the page's count of the runs the rows it leaves out hold comes from the sources each table
 * gives beside its rows, which must be the rows its entries name (and, for a table that promises
 * it, no run in two rows). Checked over every data folder, a folder of every fixture and a
 * fleet-shaped folder whose tables are longer than a page shows.
 */
class LazyRowsTest {
  @TempDir Path dir;

  @Test
  void everyLazyTableOfEveryDataFolderNamesTheSourcesItsEntriesName() {
    for (String folder :
        List.of(
            "jetson-orin-agx-2025-07-17",
            "h100-sxm5-2026-11-25",
            "h200-2026-12-01",
            "h200-energy-2026-12-01",
            "h200-serve-2026-12-01")) {
      assertSourcesAgree(Report.from(TestData.root().resolve(folder)), folder);
    }
    // every fixture at once: tinygrad's bandwidth figures and llama-bench's estimates in one table
    assertSourcesAgree(Report.from(Folders.allFixtures(dir.resolve("all"))), "all fixtures");
  }

  @Test
  void aFleetsLongTablesCountTheRunsTheyLeaveOutFromTheirSources() throws IOException {
    Report r = Report.from(FleetFolder.of(dir.resolve("fleet")));
    List<String> lazy = assertSourcesAgree(r, "fleet");
    assertThat(lazy).contains("llama.cpp", "repeats", "bandwidth", "ceiling", "ratios");
    ReportTable llama = r.table("llama.cpp");
    assertThat(llama.rows().size()).isGreaterThan(PageBounds.TABLE_ROWS);
    int hidden = PageBounds.runs(List.copyOf(llama.rows()), PageBounds.TABLE_ROWS);
    assertThat(hidden).isPositive();
    assertThat(llama.markdown()).contains("they hold " + PageBounds.count(hidden) + " runs");
    // made twice, a row is the same row: a lazy table is a value like a copied one
    assertThat(llama.rows().get(220)).isEqualTo(llama.rows().get(220));
    assertThat(List.copyOf(llama.rows())).isEqualTo(llama.rows());
  }

  @Test
  void aRowAsWideAsNoHeaderIsRefusedNamingItsTableWhenItIsMade() {
    List<List<Entry>> rows =
        LazyRows.withoutSources(3, i -> i == 2 ? List.of(Entry.text("x")) : cells(i));
    ReportTable t = new ReportTable("t", "T", List.of("a", "b"), rows, "");
    assertThat(t.rows().get(1)).extracting(Entry::plain).containsExactly("1", "1");
    assertThatThrownBy(() -> t.rows().get(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("t: row 2 has 1 cells for 2 headers");
  }

  private static List<Entry> cells(int i) {
    return List.of(Entry.text(Integer.toString(i)), Entry.number(Integer.toString(i), i));
  }

  /** The names of the lazy tables, after checking each one's sources. */
  private static List<String> assertSourcesAgree(Report r, String folder) {
    List<String> lazy = new ArrayList<>();
    for (ReportTable t : r.tables()) {
      if (!(t.rows() instanceof LazyRows rows)) continue;
      lazy.add(t.name());
      List<List<Entry>> made = List.copyOf(rows);
      for (int from : List.of(0, 1, Math.min(made.size(), PageBounds.TABLE_ROWS))) {
        assertThat(rows.runsFrom(from))
            .as(folder + " " + t.name() + " from row " + from)
            .isEqualTo(PageBounds.runs(made, from));
      }
    }
    return lazy;
  }
}
