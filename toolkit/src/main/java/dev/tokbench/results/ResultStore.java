package dev.tokbench.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An append-only results file that a sweep can be killed in the middle of and resumed from. Rows
 * are grouped by sweep point; a point counts as done only once its completion is on disk, and
 * {@link #rows()} returns the rows of done points only, each once, so a point re-run after a crash
 * is never counted twice.
 */
public interface ResultStore extends AutoCloseable {
  /**
   * The provenance key that names a row's sweep point, {@code sweep_cell}: what stores and results
   * files have always called it, kept so that older stores resume and older files read alike.
   */
  String POINT_KEY = "sweep_cell";

  /**
   * The provenance key of the attempt a point's rows are, {@code sweep_attempt}: absent for the
   * first, 2 for the first retry. A store's {@link #rows()} are each point's latest done attempt.
   */
  String ATTEMPT_KEY = "sweep_attempt";

  /** Keys of the points whose rows are all on disk. */
  Set<String> donePoints();

  /** Appends one row of a point in progress. */
  void append(String point, BenchResult row);

  /** Marks a point done: after this returns, its rows survive a crash. */
  void pointDone(String point);

  /** The rows of every done point (its latest done attempt), in the order they were written. */
  List<BenchResult> rows();

  @Override
  void close();

  /** A JSONL store ({@code .jsonl}) or a CSV store ({@code .csv}), by the file's extension. */
  static ResultStore open(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return JsonlStore.open(file);
    if (name.endsWith(".csv")) return CsvStore.open(file);
    throw new IllegalArgumentException(
        "a results store must be .jsonl or .csv, got " + file.getFileName());
  }
}
