package dev.tokbench.report;

import dev.tokbench.results.BenchResult;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How much of a huge folder a page shows. A fleet's folder holds hundreds of thousands of
 * configurations: every one stays in its table ({@link ReportTable#rows}, {@link ReportTable#csv})
 * and in {@code results.csv}, but {@code REPORT.md} and {@code index.html} show the first {@link
 * #TABLE_ROWS} rows of a table and say, under it, how many more rows (and the runs they merge) are
 * not shown and where they are. Charts draw at most {@link #BARS} bars, {@link #POINTS} points and
 * {@link #SERIES} series, and their title or caption says what was left out. The bounds are far
 * above what any published report's table or chart holds (the largest has 28 rows).
 */
final class PageBounds {
  /** Rows of one table on a page. */
  static final int TABLE_ROWS = 200;

  /** Bars of one bar chart, the fastest. */
  static final int BARS = 50;

  /** Points of one scatter chart. */
  static final int POINTS = 200;

  /**
   * Points of one folder a scatter chart labels; past it labels overlap into an unreadable mass.
   */
  static final int LABELLED_POINTS = 50;

  /**
   * Rows that the "Every row" section of {@code index.html} lists of a larger folder, besides those
   * a figure or a source of the page links to.
   */
  static final int EVERY_ROW = 1000;

  /** Series of one line chart. */
  static final int SERIES = 16;

  private PageBounds() {}

  /** The rows of {@code t} a page shows. */
  static List<List<Entry>> shown(ReportTable t) {
    List<List<Entry>> rows = t.rows();
    return rows.size() > TABLE_ROWS ? rows.subList(0, TABLE_ROWS) : rows;
  }

  /**
   * The line under a table whose rows a page does not all show, empty when it shows them all: e.g.
   * {@code 16,467 more rows not shown (a page shows the first 200 rows of a table); they hold
   * 49,401 runs, every one in results.csv, and the whole table is table("llama.cpp").csv().}
   */
  static String notShown(ReportTable t) {
    List<List<Entry>> rows = t.rows();
    if (rows.size() <= TABLE_ROWS) return "";
    int runs = rows instanceof LazyRows lazy ? lazy.runsFrom(TABLE_ROWS) : runs(rows, TABLE_ROWS);
    String held = runs == 0 ? "" : "; they hold " + count(runs) + " runs, every one in results.csv";
    return count(rows.size() - TABLE_ROWS)
        + " more rows not shown (a page shows the first "
        + TABLE_ROWS
        + " rows of a table)"
        + held
        + ", and the whole table is table(\""
        + t.name()
        + "\").csv().";
  }

  /** The rows that the entries of {@code rows} from row {@code from} onwards come from. */
  static int runs(List<List<Entry>> rows, int from) {
    Set<BenchResult> runs = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<Entry> row : rows.subList(from, rows.size())) {
      for (Entry e : row) runs.addAll(e.sources());
    }
    return runs.size();
  }

  /**
   * What the "Every row" section of a folder of {@code rows} rows lists, when more than {@link
   * #EVERY_ROW}: {@code The first 1,000 of 1,000,000 rows, and the 412 more that the page links to;
   * every row is in results.csv.}
   */
  static String rowsListed(int rows, java.util.Collection<Integer> linked) {
    long more = linked.stream().filter(id -> id > EVERY_ROW).count();
    return "The first "
        + count(EVERY_ROW)
        + " of "
        + count(rows)
        + " rows"
        + (more == 0 ? "" : ", and the " + count(more) + " more that the page links to")
        + "; every row is in results.csv.";
  }

  /** {@code 16,467}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
