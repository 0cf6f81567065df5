package dev.tokbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What no result table shows, and why: rows that failed or were not installed when there is no
 * summary to list them in, and files of {@code runs/} left out (the same content twice, already
 * imported). With it, every row of a data folder is either in a table cell or here.
 */
final class NotShownTable {
  private NotShownTable() {}

  static Optional<ReportTable> of(DataFolder data, List<Placement> placements) {
    List<List<Entry>> rows = new ArrayList<>();
    for (Placement p : placements) {
      if (p.shown()) continue;
      String file = p.row().provenance().getOrDefault("data_file", source(p));
      rows.add(List.of(Entry.text(file), Entry.text(describe(p)), Entry.text(p.reason())));
    }
    for (SkippedFile f : data.skipped()) {
      if (f.companion() || f.rows() == 0) continue;
      String what = f.rows() == 1 ? "1 row" : f.rows() + " rows";
      rows.add(List.of(Entry.text(f.file().toString()), Entry.text(what), Entry.text(f.reason())));
    }
    if (rows.isEmpty()) return Optional.empty();
    return Optional.of(
        new ReportTable(
            "not-shown",
            "Not shown",
            List.of("File", "Row", "Why"),
            rows,
            "Every other row of the folder is in a cell of the tables above."));
  }

  private static String source(Placement p) {
    String s = p.row().provenance().getOrDefault("source", "");
    return s.isEmpty() ? "—" : java.nio.file.Path.of(s).getFileName().toString();
  }

  private static String describe(Placement p) {
    var r = p.row();
    String what = String.join(" ", r.framework(), r.model(), r.quant(), r.test()).trim();
    return what.replaceAll("\\s+", " ");
  }
}
