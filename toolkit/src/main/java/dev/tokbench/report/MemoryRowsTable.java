package dev.tokbench.report;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MemoryRow;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The memory llama.cpp measured in the folder's runs: one line per device per run, from the logs in
 * {@code runs/} ({@link MemoryRow}s), in MiB as llama.cpp printed them. Each ok memory row is in
 * this table's "Self" cell; a failed one is where any failed row is.
 */
final class MemoryRowsTable {
  static final String NAME = "memory";
  private static final List<String> HEADERS =
      List.of(
          "Model",
          "Settings",
          "Device",
          "Model MiB",
          "Context MiB",
          "Compute MiB",
          "Self MiB",
          "Free MiB",
          "Unaccounted MiB",
          "From");
  private static final int SELF = HEADERS.indexOf("Self MiB");

  private MemoryRowsTable() {}

  /** The ok memory rows of the folder, in the order read. */
  private static List<BenchResult> rows(DataFolder data) {
    return data.results().stream().filter(r -> MemoryRow.is(r) && r.ok()).toList();
  }

  static Optional<ReportTable> of(DataFolder data) {
    List<List<Entry>> cells = new ArrayList<>();
    for (BenchResult r : rows(data)) cells.add(row(r));
    if (cells.isEmpty()) return Optional.empty();
    return Optional.of(
        new ReportTable(
            NAME,
            "Measured memory (llama.cpp's own breakdown)",
            HEADERS,
            cells,
            "Self = model + context + compute; unaccounted = total - free - self (the CUDA context"
                + " and anything else on the GPU). Estimates beside these: tokbench gguf fit."));
  }

  /** {@code placements} with every ok memory row in its cell of this table. */
  static List<Placement> placed(DataFolder data, List<Placement> placements) {
    Map<BenchResult, Integer> index = new IdentityHashMap<>();
    List<BenchResult> rows = rows(data);
    for (int i = 0; i < rows.size(); i++) index.put(rows.get(i), i);
    List<Placement> out = new ArrayList<>(placements.size());
    for (Placement p : placements) {
      Integer i = index.get(p.row());
      out.add(p.shown() || i == null ? p : new Placement(p.row(), NAME, i, SELF, ""));
    }
    return out;
  }

  private static List<Entry> row(BenchResult r) {
    String model = (r.model() + " " + r.quant()).trim();
    String settings =
        String.join(
            " ", r.flags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    List<Entry> row = new ArrayList<>();
    row.add(Entry.text(model));
    row.add(Entry.text(settings));
    row.add(Entry.text(r.extra().getOrDefault(MemoryRow.DEVICE, "")));
    for (String what : List.of("model", "context", "compute", "self", "free", "unaccounted")) {
      row.add(mib(r, what));
    }
    row.add(Entry.text(r.provenance().getOrDefault("data_file", "")));
    return row;
  }

  private static Entry mib(BenchResult r, String what) {
    double v = MemoryRow.mib(r, what);
    if (Double.isNaN(v)) return Entry.text("—");
    String text = v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    return Entry.number(text, v).from(r);
  }
}
