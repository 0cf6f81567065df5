package dev.tokbench.report;

import dev.tokbench.results.BenchResult;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The rows of a large table, each made when it is read from its recipe (a configuration, a pair): a
 * fleet's folder gives tables of hundreds of thousands of rows, of which a page shows 200 (the
 * whole table is there for {@code csv()}, {@code rows()} and {@code table()}). Kept as formatted
 * cells, the tables of a million rows were ten million entries and most of a 2 GB heap. A recipe
 * and the function that lays it out are immutable, so a row read twice is the same row, and the
 * list is as much a value as a copied one.
 *
 * <p>A page says how many runs the rows it leaves out hold; that count comes from each row's
 * sources, which the table gives beside its rows ({@code LazyRowsTest} checks they are the rows its
 * entries name), so counting does not lay out every row.
 */
final class LazyRows extends AbstractList<List<Entry>> implements RandomAccess {
  private final int size;
  private final IntFunction<List<Entry>> row;
  private final IntFunction<Collection<BenchResult>> sources;
  private final boolean disjoint; // no run is the source of two rows
  private final int width;
  private final String table;

  private LazyRows(
      int size,
      IntFunction<List<Entry>> row,
      IntFunction<Collection<BenchResult>> sources,
      boolean disjoint,
      int width,
      String table) {
    this.size = size;
    this.row = row;
    this.sources = sources;
    this.disjoint = disjoint;
    this.width = width;
    this.table = table;
  }

  /**
   * {@code size} rows, row {@code i} made by {@code row.apply(i)}; {@code sources.apply(i)} are the
   * rows its entries come from.
   */
  static List<List<Entry>> of(
      int size, IntFunction<List<Entry>> row, IntFunction<Collection<BenchResult>> sources) {
    return new LazyRows(size, row, sources, false, -1, "");
  }

  /**
   * As {@link #of}, for a table that shows each run in one row at most (a configuration in one
   * cell, a row in one line): its runs are counted without a set of a million of them.
   */
  static List<List<Entry>> disjoint(
      int size, IntFunction<List<Entry>> row, IntFunction<Collection<BenchResult>> sources) {
    return new LazyRows(size, row, sources, true, -1, "");
  }

  /** {@code size} rows whose entries come from no row (statistics, labels). */
  static List<List<Entry>> withoutSources(int size, IntFunction<List<Entry>> row) {
    return of(size, row, i -> List.of());
  }

  /** The rows of {@code table}, each checked to be {@code width} entries wide when it is made. */
  LazyRows checked(int width, String table) {
    return new LazyRows(size, row, sources, disjoint, width, table);
  }

  private volatile int[] counted; // {from, runs}: a page asks twice (Markdown, HTML)

  /** The rows that the entries of rows {@code from} onwards come from; counted once. */
  int runsFrom(int from) {
    int[] known = counted;
    if (known != null && known[0] == from) return known[1];
    int n = 0;
    if (disjoint) {
      for (int i = from; i < size; i++) n += sources.apply(i).size();
    } else {
      // sized for two runs a row: growing an identity map of a million keys rehashes them
      Set<BenchResult> runs =
          Collections.newSetFromMap(new IdentityHashMap<>(2 * Math.max(0, size - from)));
      for (int i = from; i < size; i++) runs.addAll(sources.apply(i));
      n = runs.size();
    }
    counted = new int[] {from, n};
    return n;
  }

  @Override
  public List<Entry> get(int i) {
    if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
    List<Entry> r = List.copyOf(row.apply(i));
    if (width >= 0 && r.size() != width) {
      throw new IllegalStateException(
          table + ": row " + i + " has " + r.size() + " cells for " + width + " headers");
    }
    return r;
  }

  @Override
  public int size() {
    return size;
  }
}
