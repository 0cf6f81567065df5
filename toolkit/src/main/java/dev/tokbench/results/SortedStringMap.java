package dev.tokbench.results;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * The immutable, key-sorted map behind {@link BenchResult}'s {@code flags}, {@code provenance} and
 * {@code extra}: two arrays instead of a tree node per entry. A launch keeps every row it streams
 * (10,000 in the launcher benchmark, 60 map entries each), and a {@code TreeMap} per map made the
 * garbage collector copy four times as much memory as the values themselves.
 */
final class SortedStringMap extends AbstractMap<String, String> {
  private static final SortedStringMap EMPTY = new SortedStringMap(new String[0], new String[0]);

  private final String[] keys;
  private final String[] values;

  private SortedStringMap(String[] keys, String[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** An immutable copy sorted by key; {@code null} gives the empty map. Null keys are refused. */
  static Map<String, String> copyOf(Map<String, String> m) {
    if (m == null || m.isEmpty()) return EMPTY;
    if (m instanceof SortedStringMap s) return s;
    String[] k = new String[m.size()];
    String[] v = new String[k.length];
    int i = 0;
    for (Map.Entry<String, String> e : m.entrySet()) {
      k[i] = requireKey(e.getKey());
      v[i++] = e.getValue();
    }
    boolean sorted = m instanceof SortedMap<?, ?> s && s.comparator() == null;
    return sorted ? new SortedStringMap(k, v) : sortedPairs(k, v);
  }

  private static SortedStringMap sortedPairs(String[] k, String[] v) {
    Integer[] order = new Integer[k.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> k[a].compareTo(k[b]));
    String[] sk = new String[k.length];
    String[] sv = new String[k.length];
    for (int i = 0; i < order.length; i++) {
      sk[i] = k[order[i]];
      sv[i] = v[order[i]];
      if (i > 0 && sk[i].equals(sk[i - 1]))
        throw new IllegalArgumentException("duplicate " + sk[i]);
    }
    return new SortedStringMap(sk, sv);
  }

  /**
   * {@code base} with the entries of {@code more} added (replacing the same keys). A data folder
   * stamps each row of a file with that file's name; the rows of a file share a few provenance maps
   * (ReadPool), and so do their stamped copies: one merge per shared map, kept in a small cache by
   * the base map's identity and the added entries (immutable entries, so threads may share it
   * unlocked; a miss only merges again). Without it a million rows got a million maps.
   */
  static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
    int slot = (System.identityHashCode(base) * 31 + more.hashCode()) & (MERGED.length - 1);
    Merged m = MERGED[slot];
    if (m != null && m.base == base && m.more.equals(more)) return m.merged;
    Map<String, String> all = new java.util.TreeMap<>(base);
    all.putAll(more);
    m = new Merged(base, copyOf(more), copyOf(all));
    MERGED[slot] = m;
    return m.merged;
  }

  private record Merged(
      Map<String, String> base, Map<String, String> more, Map<String, String> merged) {}

  private static final Merged[] MERGED = new Merged[4096];

  @Override
  public void forEach(java.util.function.BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < keys.length; i++) action.accept(keys[i], values[i]); // no entry objects
  }

  private static String requireKey(String key) {
    if (key == null) throw new NullPointerException("a map key is null");
    return key;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String k && Arrays.binarySearch(keys, k) >= 0;
  }

  @Override
  public String get(Object key) {
    if (!(key instanceof String k)) return null;
    int i = Arrays.binarySearch(keys, k);
    return i >= 0 ? values[i] : null;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= keys.length) throw new NoSuchElementException();
            int i = next++;
            return new SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }
    };
  }
}
