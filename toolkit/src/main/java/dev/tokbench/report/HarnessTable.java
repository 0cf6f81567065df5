package dev.tokbench.report;

import dev.tokbench.results.MergedRuns;
import java.util.List;

/**
 * tokbench's tinygrad harness runs ({@code run tinygrad --prefill}: pp and tg timed apart) that no
 * other table has placed (the BEAM table takes those with a phase): a column per test, repeats
 * merged, the settings that vary as columns, like llama.cpp's table. Without it a folder of harness
 * runs alone (no second framework for the prefill table) would show none of them.
 */
final class HarnessTable {
  static final String NAME = "tinygrad-harness";

  private HarnessTable() {}

  /** The tables (one per device) of the harness's configurations not yet placed; maybe none. */
  static List<ReportTable> of(DataFolder data, Placements placed) {
    List<MergedRuns> configs =
        data.configurations().stream()
            .filter(c -> c.first().ok() && c.first().framework().equals("tinygrad"))
            .filter(c -> c.first().provenance().containsKey("harness"))
            .filter(c -> c.runs().stream().noneMatch(placed::has))
            .toList();
    if (configs.isEmpty()) return List.of();
    List<ShapedTable.Key> keys =
        List.of(
            new ShapedTable.Key(
                "Model", List.of("model"), c -> Labels.displayName(data, c.first())),
            new ShapedTable.Key("Quant", List.of("quant"), c -> c.first().quant()),
            new ShapedTable.Key("Backend", List.of("backend"), c -> c.first().backend()));
    ShapedTable.Spec spec =
        ShapedTable.Spec.across(
            NAME,
            "tinygrad harness: prefill and decode (scripts/tinygrad_bench.py)",
            keys,
            "test",
            t -> t + " (tok/s)",
            ResultTables::meanStddev);
    return ShapedTable.build(spec, configs, placed);
  }
}
