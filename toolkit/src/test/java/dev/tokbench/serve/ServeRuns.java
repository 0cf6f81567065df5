package dev.tokbench.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Runs a benchmark into memory and reads its JSONL back, for the tests. */
final class ServeRuns {
  private static final ObjectMapper JSON = new ObjectMapper();

  final ServeRun run;
  final List<JsonNode> lines;

  private ServeRuns(ServeRun run, List<JsonNode> lines) {
    this.run = run;
    this.lines = lines;
  }

  static ServeRuns of(ServeBench bench) throws InterruptedException {
    StringWriter w = new StringWriter();
    ServeRun run;
    try (ServeJsonl sink = ServeJsonl.to(w)) {
      run = bench.run(sink, s -> {});
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : w.toString().split("\n")) {
      if (line.isBlank()) continue;
      try {
        lines.add(JSON.readTree(line));
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ServeRuns(run, lines);
  }

  /** The lines of one kind ({@code run}, {@code warmup}, {@code request}, {@code summary}). */
  List<JsonNode> kind(String kind) {
    return lines.stream().filter(l -> l.path("kind").asText().equals(kind)).toList();
  }

  /** The request lines in request order. */
  List<JsonNode> requests() {
    List<JsonNode> r = new ArrayList<>(kind("request"));
    r.sort((a, b) -> Integer.compare(a.path("index").asInt(), b.path("index").asInt()));
    return r;
  }

  List<Double> doubles(JsonNode array) {
    List<Double> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asDouble()));
    return out;
  }
}
