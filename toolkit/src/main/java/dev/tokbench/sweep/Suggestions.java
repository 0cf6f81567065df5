package dev.tokbench.sweep;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean": the known word closest to a misspelt one, by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The known word nearest to {@code word}, if it is near enough to be a slip of the keyboard (at
   * most a third of its letters, and at least two, changed).
   */
  public static Optional<String> closest(String word, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(word, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, word.length() / 3);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
