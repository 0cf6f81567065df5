package dev.tokbench.results;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Shares what repeats across the rows of one results file: a fleet's file names a handful of
 * frameworks, models and devices in 100,000 rows, and its flags and provenance cells repeat the
 * same few JSON objects. Equal cells become one string, equal JSON cells one parsed, immutable map
 * ({@link SortedStringMap}), parsed once: a million rows fit in a small heap and are read without
 * parsing a million JSON objects. At most {@link #MAX} distinct values of each kind are kept, so a
 * file whose every cell differs (start times in provenance) costs no more than before.
 */
final class ReadPool {
  static final int MAX = 4096;

  private final Map<String, String> strings = new HashMap<>();
  private final Map<String, Map<String, String>> maps = new HashMap<>();

  /** The pool's copy of {@code s}. */
  String string(String s) {
    String kept = strings.get(s);
    if (kept != null) return kept;
    if (strings.size() < MAX) strings.put(s, s);
    return s;
  }

  /** The map {@code parse} makes of {@code json}, parsed once; its errors are thrown each time. */
  Map<String, String> map(String json, Function<String, Map<String, String>> parse) {
    Map<String, String> kept = maps.get(json);
    if (kept != null) return kept;
    Map<String, String> m = SortedStringMap.copyOf(parse.apply(json));
    if (maps.size() < MAX) maps.put(json, m);
    return m;
  }
}
