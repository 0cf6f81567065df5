package dev.tokbench.sweep;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A benchmark matrix (models x quantizations x flash attention x backends …) run cell by cell into
 * an append-only {@link ResultStore}. Re-running a sweep skips the cells already done, so a sweep
 * killed in the middle (even by {@code kill -9}) is finished by running it again, with no row lost
 * and none counted twice.
 *
 * <pre>{@code
 * Sweep.named("fa").axis("model", "a.gguf", "b.gguf").axis("fa", "0", "1")
 *     .runner((cell, sink) -> LlamaBench.at(bin).model(Path.of(cell.get("model")))
 *         .arg("-fa", cell.get("fa")).run(sink))
 *     .store(Path.of("results/fa.jsonl"))
 *     .run();
 * }</pre>
 */
public final class Sweep {
  private final String name;
  private final Map<String, List<String>> axes = new LinkedHashMap<>();
  private CellRunner runner;
  private Path store;
  private PrintStream progress = System.err;
  private boolean terminal = System.console() != null;

  private Sweep(String name) {
    this.name = name;
  }

  public static Sweep named(String name) {
    return new Sweep(name);
  }

  public Sweep axis(String axis, String... values) {
    return axis(axis, List.of(values));
  }

  public Sweep axis(String axis, List<String> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("axis '" + axis + "' has no values");
    axes.put(axis, List.copyOf(values));
    return this;
  }

  public Sweep runner(CellRunner r) {
    runner = r;
    return this;
  }

  public Sweep store(Path file) {
    store = file;
    return this;
  }

  /** Where progress goes, and whether it is a terminal (a bar redrawn in place) or not (lines). */
  public Sweep progress(PrintStream out, boolean isTerminal) {
    progress = out;
    terminal = isTerminal;
    return this;
  }

  /** Every cell, the last axis varying fastest. */
  public List<SweepCell> cells() {
    List<Map<String, String>> partial = new ArrayList<>(List.of(new LinkedHashMap<>()));
    axes.forEach(
        (axis, values) -> {
          List<Map<String, String>> next = new ArrayList<>();
          for (Map<String, String> p : partial) {
            for (String v : values) {
              Map<String, String> m = new LinkedHashMap<>(p);
              m.put(axis, v);
              next.add(m);
            }
          }
          partial.clear();
          partial.addAll(next);
        });
    return partial.stream().map(SweepCell::new).toList();
  }

  /** Runs the cells not yet in the store; returns every row of the store once done. */
  public SweepReport run() {
    Objects.requireNonNull(runner, "a sweep needs a runner");
    Objects.requireNonNull(store, "a sweep needs a store file");
    try (ResultStore s = ResultStore.open(store)) {
      List<SweepCell> cells = cells();
      Set<String> done = s.doneCells();
      List<SweepCell> todo = cells.stream().filter(c -> !done.contains(c.key())).toList();
      SweepProgress bar =
          new SweepProgress(progress, terminal, cells.size(), cells.size() - todo.size());
      for (SweepCell cell : todo) runCell(cell, s, bar);
      return new SweepReport(
          name, store, cells.size(), cells.size() - todo.size(), todo.size(), s.rows());
    }
  }

  private void runCell(SweepCell cell, ResultStore s, SweepProgress bar) {
    bar.starting(cell);
    long t0 = System.nanoTime();
    Map<String, String> where = Map.of("sweep", name, "sweep_cell", cell.key());
    int[] counts = new int[2];
    runner.run(
        cell,
        row -> {
          BenchResult tagged = row.withProvenance(where);
          s.append(cell.key(), tagged);
          counts[0]++;
          if (!tagged.ok()) counts[1]++;
        });
    s.cellDone(cell.key());
    bar.finished(cell, Duration.ofNanos(System.nanoTime() - t0), counts[0], counts[1]);
  }

  @Override
  public String toString() {
    return "sweep "
        + name
        + ": "
        + cells().size()
        + " cells over "
        + axes.keySet()
        + (store == null ? "" : " -> " + store);
  }
}
