package dev.tokbench.results;

import dev.tokbench.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  /**
   * True when {@code file} is one tokbench writes: a results CSV or JSONL ({@code run --out},
   * {@code import --out}) or a sweep store; judged by its first line, not its name.
   */
  public static boolean isResultsFile(Path file) {
    String first = firstLine(file).strip();
    if (first.startsWith(String.join(",", ResultsCsv.COLUMNS.subList(0, 4)))) return true;
    return first.startsWith("{")
        && (first.contains("\"row\"") && first.contains("\"attempt\"")
            || first.contains("\"framework\"") && first.contains("\"tokens_per_s_mean\""));
  }

  /**
   * The rows of a file tokbench wrote: a results CSV (a CSV sweep store is one), a results JSONL,
   * or a JSONL sweep store (only its finished points, as the sweep itself counts them).
   */
  public static List<BenchResult> read(Path file) {
    String first = firstLine(file).strip();
    if (!first.startsWith("{")) return ResultsCsv.read(file);
    if (first.contains("\"attempt\"")) return JsonlStore.read(file);
    List<BenchResult> rows = new ArrayList<>();
    long lineNo = 0;
    for (String line : (Iterable<String>) ReadLimits.RESULTS.read(file).lines()::iterator) {
      lineNo++;
      if (!line.isBlank()) rows.add(ResultsJsonl.parse(line, file.toString(), lineNo));
    }
    return rows;
  }

  /**
   * The first line that is not blank, of at most the first 1 MiB (enough to tell the kinds apart,
   * and a file without line ends is not read whole to find out); empty when unreadable.
   */
  private static String firstLine(Path file) {
    byte[] head = new byte[1 << 20];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      return "";
    }
    return new String(head, 0, n, StandardCharsets.UTF_8)
        .lines()
        .filter(l -> !l.isBlank())
        .findFirst()
        .orElse("");
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
