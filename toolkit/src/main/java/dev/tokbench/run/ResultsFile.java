package dev.tokbench.run;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsCsv;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A results file that rows are appended to as they are measured: CSV ({@link ResultsCsv} columns,
 * header written once) or JSONL ({@link ResultsJsonl}), by the file's extension. Each row is forced
 * to disk before the next test can finish.
 */
public final class ResultsFile implements Consumer<BenchResult>, AutoCloseable {
  private final AppendFile file;
  private final boolean csv;

  private ResultsFile(AppendFile file, boolean csv) {
    this.file = file;
    this.csv = csv;
  }

  /** Opens (or creates) a {@code .csv} or {@code .jsonl} file for appending. */
  public static ResultsFile append(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean csv = name.endsWith(".csv");
    if (!csv && !name.endsWith(".jsonl") && !name.endsWith(".ndjson")) {
      throw new IllegalArgumentException(
          "results go to a .csv or .jsonl file, got " + path.getFileName());
    }
    AppendFile f = AppendFile.open(path);
    if (csv && f.isEmpty()) f.write(String.join(",", ResultsCsv.COLUMNS) + "\n");
    return new ResultsFile(f, csv);
  }

  /** Appends every row to the file. */
  public static void append(Path path, List<BenchResult> rows) {
    try (ResultsFile f = append(path)) {
      rows.forEach(f);
    }
  }

  @Override
  public void accept(BenchResult row) {
    file.write(csv ? csvLine(row) : ResultsJsonl.line(row) + "\n");
  }

  private static String csvLine(BenchResult row) {
    StringWriter w = new StringWriter();
    try {
      ResultsCsv.write(w, List.of(row), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  @Override
  public void close() {
    file.close();
  }
}
