package dev.tokbench.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An append-only results file that a sweep can be killed in the middle of and resumed from. Rows
 * are grouped by sweep cell; a cell counts as done only once its completion is on disk, and {@link
 * #rows()} returns the rows of done cells only, each once, so a cell re-run after a crash is never
 * counted twice.
 */
public interface ResultStore extends AutoCloseable {
  /** Keys of the cells whose rows are all on disk. */
  Set<String> doneCells();

  /** Appends one row of a cell in progress. */
  void append(String cell, BenchResult row);

  /** Marks a cell done: after this returns, its rows survive a crash. */
  void cellDone(String cell);

  /** The rows of every done cell, in the order they were written. */
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
