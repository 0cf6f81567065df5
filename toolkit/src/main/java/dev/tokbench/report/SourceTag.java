package dev.tokbench.report;

import dev.tokbench.results.BenchResult;
import java.util.List;
import java.util.Map;

/**
 * Names the file of the data folder each row came from, as provenance {@code source} (kept where a
 * reader already set one, with its line), so that a page can say where every figure comes from.
 */
final class SourceTag {
  static final String KEY = "source";

  private SourceTag() {}

  /** {@code rows} with {@code source} set to {@code file} where they have none. */
  static List<BenchResult> of(List<BenchResult> rows, String file) {
    return rows.stream()
        .map(r -> r.provenance().containsKey(KEY) ? r : r.withProvenance(Map.of(KEY, file)))
        .toList();
  }

  /** The file part of a row's source ({@code llama-cpp.csv} of {@code llama-cpp.csv:3}). */
  static String file(BenchResult r) {
    String s = r.provenance().getOrDefault(KEY, "");
    int colon = s.lastIndexOf(':');
    return colon > 0 && s.substring(colon + 1).matches("\\d+") ? s.substring(0, colon) : s;
  }
}
