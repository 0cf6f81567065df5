package dev.tokbench.testing;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsCsv;
import dev.tokbench.results.ResultsJsonl;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** What a fuzz target does with a reader's result, so that a result that cannot be used shows. */
public final class FuzzUses {
  private FuzzUses() {}

  /**
   * Rows as tokbench uses them: shown, and written to a results CSV and JSONL, each of which must
   * read back as the same rows (what a run writes, import and report read).
   */
  public static void rows(List<BenchResult> rows) {
    rows.toString();
    StringWriter csv = new StringWriter();
    try {
      ResultsCsv.write(csv, rows, true);
      List<BenchResult> back = ResultsCsv.read(new StringReader(csv.toString()), "round trip");
      same(rows, back, "CSV");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (BenchResult r : rows) {
      BenchResult back = ResultsJsonl.parse(ResultsJsonl.line(r), "round trip", 1);
      same(List.of(r), List.of(back), "JSONL");
    }
  }

  private static void same(List<BenchResult> rows, List<BenchResult> back, String format) {
    if (!rows.equals(back)) {
      throw new IllegalStateException(
          "rows do not survive a " + format + " round trip: " + rows + " became " + back);
    }
  }
}
