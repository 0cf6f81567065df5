package dev.tokbench.results;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CSV store: a results CSV ({@link ResultsCsv} columns) whose rows carry their sweep point in
 * provenance {@link ResultStore#POINT_KEY}. CSV has no room for a done marker, so a point's rows
 * are held in memory and written together, forced to disk, when the point ends: a killed sweep
 * loses the point in progress (it is re-run) but never leaves part of one. Use JSONL to keep each
 * test as it ends.
 */
final class CsvStore implements ResultStore {
  private final Path path;
  private final AppendFile file;
  private final Set<String> done = new LinkedHashSet<>();
  private final Map<String, List<BenchResult>> pending = new LinkedHashMap<>();

  private CsvStore(Path path, AppendFile file) {
    this.path = path;
    this.file = file;
  }

  static CsvStore open(Path path) {
    CsvStore s = new CsvStore(path, AppendFile.open(path));
    if (s.file.isEmpty()) {
      s.file.write(String.join(",", ResultsCsv.COLUMNS) + "\n");
    } else {
      for (BenchResult r : ResultsCsv.read(path))
        s.done.add(r.provenance().getOrDefault(POINT_KEY, ""));
    }
    return s;
  }

  @Override
  public Set<String> donePoints() {
    return Set.copyOf(done);
  }

  @Override
  public void append(String point, BenchResult row) {
    pending
        .computeIfAbsent(point, c -> new ArrayList<>())
        .add(row.withProvenance(Map.of(POINT_KEY, point)));
  }

  @Override
  public void pointDone(String point) {
    List<BenchResult> rows = pending.remove(point);
    if (rows != null && !rows.isEmpty()) {
      StringWriter w = new StringWriter();
      try {
        ResultsCsv.write(w, rows, false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      file.write(w.toString());
    }
    done.add(point);
  }

  @Override
  public List<BenchResult> rows() {
    List<BenchResult> all = ResultsCsv.read(path);
    Map<String, Integer> latest = new LinkedHashMap<>();
    for (BenchResult r : all) latest.merge(point(r), attempt(r), Math::max);
    return all.stream().filter(r -> attempt(r) == latest.get(point(r))).toList();
  }

  private static String point(BenchResult r) {
    return r.provenance().getOrDefault(POINT_KEY, "");
  }

  /** A retried point's rows say which attempt they are; the first's do not. */
  private static int attempt(BenchResult r) {
    try {
      return Integer.parseInt(r.provenance().getOrDefault(ATTEMPT_KEY, "1"));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  @Override
  public void close() {
    file.close();
  }

  @Override
  public String toString() {
    return "CSV store " + path + " (" + done.size() + " points done)";
  }
}
