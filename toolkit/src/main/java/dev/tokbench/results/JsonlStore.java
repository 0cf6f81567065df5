package dev.tokbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.ReadLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The JSONL store: every row is written and forced to disk as its test finishes, as {@code {"cell":
 * K, "attempt": A, "row": {...}}}; a point ends with {@code {"cell": K, "attempt": A, "done": N}}.
 * ({@code cell} is the point's key, under the name stores have always used.) Rows of an attempt
 * that never reached its done line (the process was killed) stay in the file but are not rows of
 * the store.
 */
final class JsonlStore implements ResultStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final AppendFile file;
  private final String attempt = UUID.randomUUID().toString();
  private final Map<String, String> doneAttempts = new LinkedHashMap<>();
  private final Map<String, Integer> pending = new LinkedHashMap<>();

  private JsonlStore(Path path, AppendFile file) {
    this.path = path;
    this.file = file;
  }

  static JsonlStore open(Path path) {
    JsonlStore s = new JsonlStore(path, AppendFile.open(path));
    s.scan(s::markDone, (n, row) -> {});
    return s;
  }

  /** The rows of the done points of a store file, read only. */
  static List<BenchResult> read(Path path) {
    JsonlStore s = new JsonlStore(path, null);
    s.scan(s::markDone, (n, row) -> {});
    return s.rows();
  }

  @Override
  public Set<String> donePoints() {
    return Set.copyOf(doneAttempts.keySet());
  }

  @Override
  public void append(String point, BenchResult row) {
    ObjectNode o = JSON.createObjectNode().put("cell", point).put("attempt", attempt);
    o.set("row", ResultsJsonl.toJson(row));
    file.write(o + "\n");
    pending.merge(point, 1, Integer::sum);
  }

  @Override
  public void pointDone(String point) {
    int n = pending.getOrDefault(point, 0);
    file.write(
        JSON.createObjectNode().put("cell", point).put("attempt", attempt).put("done", n) + "\n");
    markDone(point, attempt);
  }

  @Override
  public List<BenchResult> rows() {
    List<BenchResult> out = new ArrayList<>();
    scan(
        (point, a) -> {},
        (node, lineNo) -> {
          String point = node.path("cell").asText();
          if (node.path("attempt").asText().equals(doneAttempts.get(point))) {
            out.add(ResultsJsonl.row(node.get("row"), path.toString(), lineNo));
          }
        });
    return out;
  }

  private void markDone(String point, String attemptId) {
    doneAttempts.put(point, attemptId); // a retry's done line comes later and wins
  }

  private interface DoneLine {
    void accept(String point, String attempt);
  }

  private interface RowLine {
    void accept(JsonNode node, long lineNo);
  }

  private void scan(DoneLine done, RowLine row) {
    long lineNo = 0;
    for (String line : (Iterable<String>) ReadLimits.RESULTS.read(path).lines()::iterator) {
      lineNo++;
      if (line.isBlank()) continue;
      JsonNode node = ResultsJsonl.tree(line, path.toString(), lineNo);
      if (node.has("done")) done.accept(node.path("cell").asText(), node.path("attempt").asText());
      else if (node.has("row")) row.accept(node, lineNo);
      else
        throw new ResultsFormatException(path.toString(), lineNo, "neither a row nor a done line");
    }
  }

  @Override
  public void close() {
    if (file != null) file.close();
  }

  @Override
  public String toString() {
    return "JSONL store " + path + " (" + doneAttempts.size() + " points done)";
  }
}
