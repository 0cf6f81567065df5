package dev.tokbench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A longest-common-subsequence diff of two short lists (sections, lines of a section). */
final class Lcs {
  enum Kind {
    SAME,
    ADDED,
    REMOVED
  }

  /**
   * One step of the edit from the first list to the second.
   *
   * @param kind kept, added (only in the second) or removed (only in the first)
   * @param value the element
   */
  record Step<T>(Kind kind, T value) {}

  private Lcs() {}

  /** The steps turning {@code a} into {@code b}, removals before additions where both occur. */
  static <T> List<Step<T>> diff(List<T> a, List<T> b) {
    int[][] len = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        len[i][j] =
            a.get(i).equals(b.get(j))
                ? len[i + 1][j + 1] + 1
                : Math.max(len[i + 1][j], len[i][j + 1]);
      }
    }
    List<Step<T>> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        out.add(new Step<>(Kind.SAME, a.get(i++)));
        j++;
      } else if (j >= b.size() || (i < a.size() && len[i + 1][j] >= len[i][j + 1])) {
        out.add(new Step<>(Kind.REMOVED, a.get(i++)));
      } else {
        out.add(new Step<>(Kind.ADDED, b.get(j++)));
      }
    }
    return Collections.unmodifiableList(out);
  }
}
