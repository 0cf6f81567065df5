package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * tinygrad's BEAM phases side by side: per model, backend, test and search width, the cold run (no
 * BEAM, fresh cache), the search (its rates, which are not a measurement, and its wall time) and
 * the warm run on the cache the search filled, with warm ÷ cold and the cache's size before the
 * search and before the warm run. {@code BeamTable.of(run.rows())} in a notebook; the report has it
 * as {@code tinygrad-beam} when its runs hold phases.
 */
public final class BeamTable {
  static final String NAME = "tinygrad-beam";
  private static final List<String> HEADERS =
      List.of(
          "Model",
          "Backend",
          "Test",
          "JITBEAM",
          "Cold (tok/s)",
          "Search (tok/s)",
          "Search time",
          "Warm (tok/s)",
          "Warm ÷ cold",
          "Cache before search → warm run");

  private BeamTable() {}

  /** The table of the rows with a BEAM phase, or empty when there are none. */
  public static Optional<ReportTable> of(List<BenchResult> rows) {
    return of(rows, new Placements());
  }

  /**
   * The table, with each row it shows that no other table has (the searches, the harness's runs)
   * placed in its cell.
   */
  static Optional<ReportTable> of(List<BenchResult> rows, Placements placed) {
    Map<String, BenchResult> cold = new LinkedHashMap<>();
    Map<String, Phases> groups = new LinkedHashMap<>();
    for (BenchResult r : rows) {
      Optional<BeamPhase> p = BeamPhase.of(r);
      if (p.isEmpty()) continue;
      if (p.get() == BeamPhase.COLD) {
        cold.put(base(r), r);
        continue;
      }
      String width = r.flags().getOrDefault(BeamPhase.WIDTH_FLAG, "");
      Phases g = groups.computeIfAbsent(base(r) + width, k -> new Phases(base(r)));
      if (p.get() == BeamPhase.SEARCH) g.search = r;
      else g.warm = r;
    }
    if (groups.isEmpty()) return Optional.empty();
    List<List<Entry>> out = new ArrayList<>();
    for (Phases g : groups.values()) {
      BenchResult c = cold.get(g.base);
      BenchResult[] cells = {c, g.search, null, g.warm};
      for (int i = 0; i < cells.length; i++) {
        if (cells[i] != null && !placed.has(cells[i]))
          placed.place(cells[i], NAME, out.size(), 4 + i);
      }
      out.add(g.row(c));
    }
    return Optional.of(
        new ReportTable(
            NAME,
            "tinygrad BEAM: cold, search and warm",
            HEADERS,
            out,
            "Cold: no BEAM on a fresh empty cache. Search: the JITBEAM run that fills the cache (its"
                + " rates leave out its warm-up calls, where the search happens: its wall time"
                + " shows it). Warm: the same JITBEAM on the filled cache."));
  }

  /** A cold row pairs with every search width of its model, backend and test. */
  private static String base(BenchResult r) {
    return String.join("|", r.model(), r.quant(), r.backend(), BeamPhase.measuredTest(r), "");
  }

  /** The latest search and warm row of one model, backend, test and width. */
  private static final class Phases {
    final String base;
    BenchResult search;
    BenchResult warm;

    Phases(String base) {
      this.base = base;
    }

    List<Entry> row(BenchResult cold) {
      BenchResult any = warm != null ? warm : search;
      return List.of(
          Entry.text(any.model() + " " + any.quant()),
          Entry.text(any.backend()),
          Entry.text(BeamPhase.measuredTest(any)),
          Entry.text(any.flags().getOrDefault(BeamPhase.WIDTH_FLAG, "")),
          rate(cold),
          rate(search),
          wall(),
          rate(warm).inBold(),
          ratio(cold),
          cache());
    }

    private Entry wall() {
      String s = search == null ? null : search.extra().get("phase_wall_s");
      if (s == null) return Entry.text("—");
      double v = Double.parseDouble(s);
      return new Entry(fixed(v, 1) + " s", "", false, v);
    }

    private Entry ratio(BenchResult cold) {
      if (!ok(cold) || !ok(warm) || cold.tokensPerSMean() <= 0) return Entry.text("—");
      double x = warm.tokensPerSMean() / cold.tokensPerSMean();
      return new Entry(fixed(x, 2) + "×", "", false, x);
    }

    private Entry cache() {
      String before = search == null ? null : bytes(search);
      String warmBefore = warm == null ? null : bytes(warm);
      return Entry.text(
          (before == null ? "—" : before) + " → " + (warmBefore == null ? "—" : warmBefore));
    }

    private static String bytes(BenchResult r) {
      String existed = r.flags().get("beam_cache_existed");
      if ("false".equals(existed)) return "absent";
      String b = r.provenance().get("beam_cache_bytes_before");
      return b == null ? null : fixed(Long.parseLong(b) / 1e6, 1) + " MB";
    }

    private static boolean ok(BenchResult r) {
      return r != null && r.ok();
    }

    private static Entry rate(BenchResult r) {
      if (r == null) return Entry.text("—");
      if (!r.ok()) return Entry.text(r.reason().startsWith("timed out") ? "timed out" : "failed");
      double v = r.tokensPerSMean();
      return Entry.number(fixed(v, 2) + " ± " + fixed(r.tokensPerSStddev(), 2), v);
    }
  }
}
