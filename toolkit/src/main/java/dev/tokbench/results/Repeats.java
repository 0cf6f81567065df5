package dev.tokbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the runs that repeat one configuration (equal {@link Settings}, in one file or several) and
 * merges them: {@code Repeats.merge(rows)} gives one {@link MergedRuns} per configuration, in the
 * order each was first seen. Only measured rows are merged; a failed run measured nothing to pool.
 */
public final class Repeats {
  private Repeats() {}

  /** The ok speed rows (not {@link MemoryRow}s), merged by their settings. */
  public static List<MergedRuns> merge(List<BenchResult> rows) {
    return merge(rows, Settings::of);
  }

  /**
   * The ok rows merged by {@code settings}, e.g. {@code Settings.of(r).with("model", label)} to
   * merge rows that name one model differently.
   */
  public static List<MergedRuns> merge(
      List<BenchResult> rows, Function<BenchResult, Settings> settings) {
    Map<Settings, List<BenchResult>> groups = new LinkedHashMap<>();
    for (BenchResult r : rows) {
      if (r.ok() && !MemoryRow.is(r))
        groups.computeIfAbsent(settings.apply(r), s -> new ArrayList<>(1)).add(r);
    }
    List<MergedRuns> out = new ArrayList<>(groups.size());
    groups.forEach((s, runs) -> out.add(MergedRuns.of(s, runs)));
    return out;
  }
}
