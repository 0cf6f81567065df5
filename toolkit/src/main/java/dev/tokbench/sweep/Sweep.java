package dev.tokbench.sweep;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A benchmark matrix (models x quantizations x flash attention x backends …) run point by point
 * into an append-only {@link ResultStore}. Re-running a sweep skips the points already done, so a
 * sweep killed in the middle (even by {@code kill -9}) is finished by running it again, with no row
 * lost and none counted twice.
 *
 * <pre>{@code
 * Sweep.named("fa").axis("model", "a.gguf", "b.gguf").axis("fa", "0", "1")
 *     .runner((point, sink) -> LlamaBench.at(bin).model(Path.of(point.get("model")))
 *         .arg("-fa", point.get("fa")).run(sink))
 *     .store(Path.of("results/fa.jsonl"))
 *     .run();
 * }</pre>
 */
public final class Sweep {
  private final String name;
  private final Map<String, List<String>> axes;
  private final PointRunner runner;
  private final Path store;
  private final PrintStream progress;
  private final boolean terminal;
  private final Retries retries;

  private Sweep(
      String name,
      Map<String, List<String>> axes,
      PointRunner runner,
      Path store,
      PrintStream progress,
      boolean terminal,
      Retries retries) {
    this.name = name;
    this.axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    this.runner = runner;
    this.store = store;
    this.progress = progress;
    this.terminal = terminal;
    this.retries = retries;
  }

  /** A sweep with no axes yet; progress goes to stderr, as a bar when that is a terminal. */
  public static Sweep named(String name) {
    return new Sweep(
        name, Map.of(), null, null, System.err, System.console() != null, Retries.DEFAULT);
  }

  /** This sweep with one more axis (or another list of values for one it has). */
  public Sweep axis(String axis, String... values) {
    return axis(axis, List.of(values));
  }

  /** This sweep with one more axis (or another list of values for one it has). */
  public Sweep axis(String axis, List<String> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("axis '" + axis + "' has no values");
    Map<String, List<String>> more = new LinkedHashMap<>(axes);
    more.put(axis, List.copyOf(values));
    return new Sweep(name, more, runner, store, progress, terminal, retries);
  }

  /** This sweep with what runs each point. */
  public Sweep runner(PointRunner r) {
    return new Sweep(name, axes, r, store, progress, terminal, retries);
  }

  /** This sweep writing to the store {@code file} ({@code .jsonl} or {@code .csv}). */
  public Sweep store(Path file) {
    return new Sweep(name, axes, runner, file, progress, terminal, retries);
  }

  /** Where progress goes, and whether it is a terminal (a bar redrawn in place) or not (lines). */
  public Sweep progress(PrintStream out, boolean isTerminal) {
    return new Sweep(name, axes, runner, store, out, isTerminal, retries);
  }

  /**
   * How a re-run treats done points that failed: by default ({@link Retries#DEFAULT}) a point with
   * a failed or hung row runs again, at most twice more, and one that ran out of memory does not.
   */
  public Sweep retries(Retries r) {
    return new Sweep(name, axes, runner, store, progress, terminal, r);
  }

  /** Every point, the last axis varying fastest. */
  public List<SweepPoint> points() {
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
    return partial.stream().map(SweepPoint::new).toList();
  }

  /** Runs the points not yet in the store; returns every row of the store once done. */
  public SweepReport run() {
    Objects.requireNonNull(runner, "a sweep needs a runner");
    Objects.requireNonNull(store, "a sweep needs a store file");
    try (ResultStore s = ResultStore.open(store)) {
      List<SweepPoint> points = points();
      Set<String> done = s.donePoints();
      Map<String, List<BenchResult>> byPoint = byPoint(s.rows());
      List<SweepPoint> todo = new ArrayList<>();
      Map<String, Integer> attempts = new LinkedHashMap<>();
      for (SweepPoint p : points) {
        List<BenchResult> before = byPoint.getOrDefault(p.key(), List.of());
        String why = done.contains(p.key()) ? retries.why(before) : "";
        if (done.contains(p.key()) && why.isEmpty()) continue;
        todo.add(p);
        if (why.isEmpty()) continue;
        int attempt = Retries.attempt(before) + 1;
        attempts.put(p.key(), attempt);
        progress.println(
            "sweep: retrying "
                + p.key()
                + " (attempt "
                + attempt
                + " of "
                + (retries.times() + 1)
                + "; last time "
                + why
                + ")");
      }
      SweepProgress bar =
          new SweepProgress(progress, terminal, points.size(), points.size() - todo.size());
      for (SweepPoint point : todo) runPoint(point, attempts.getOrDefault(point.key(), 1), s, bar);
      return new SweepReport(
          name,
          store,
          points.size(),
          points.size() - todo.size(),
          todo.size(),
          attempts.size(),
          s.rows());
    }
  }

  private static Map<String, List<BenchResult>> byPoint(List<BenchResult> rows) {
    Map<String, List<BenchResult>> out = new LinkedHashMap<>();
    for (BenchResult r : rows) {
      String key = r.provenance().getOrDefault(ResultStore.POINT_KEY, "");
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private void runPoint(SweepPoint point, int attempt, ResultStore s, SweepProgress bar) {
    bar.starting(point);
    long t0 = System.nanoTime();
    Map<String, String> where = new LinkedHashMap<>();
    where.put("sweep", name);
    where.put(ResultStore.POINT_KEY, point.key());
    if (attempt > 1) where.put(Retries.ATTEMPT_KEY, Integer.toString(attempt));
    int[] counts = new int[2];
    runner.run(
        point,
        row -> {
          BenchResult tagged = row.withProvenance(where);
          s.append(point.key(), tagged);
          counts[0]++;
          if (!tagged.ok()) counts[1]++;
        });
    s.pointDone(point.key());
    bar.finished(point, Duration.ofNanos(System.nanoTime() - t0), counts[0], counts[1]);
  }

  @Override
  public String toString() {
    return "sweep "
        + name
        + ": "
        + points().size()
        + " points over "
        + axes.keySet()
        + (store == null ? "" : " -> " + store);
  }
}
