package dev.tokbench.formats.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokbench.BadLineException;
import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads serve-bench's lines one at a time, as a file is read or as a run writes them: it keeps the
 * run line above and the TTFTs of each level's successful requests, and makes a row of each summary
 * line ({@link ServeRow}). Not thread-safe: one reader, one stream of lines.
 */
public final class ServeLines {
  private final String source;
  private final Map<String, List<Double>> ttfts = new HashMap<>();
  private JsonNode run;
  private long lineNo;

  /** A reader of the lines of {@code source} (a file, or where a run writes them). */
  public ServeLines(String source) {
    this.source = source;
  }

  /**
   * The next line (null for a blank one): the row it completes when it is a summary line. A line of
   * an unknown kind, or a request or summary before any run line, is an error at its line.
   */
  public Optional<BenchResult> next(JsonNode line) {
    lineNo++;
    if (line == null) return Optional.empty();
    String kind = line.path("kind").asText();
    switch (kind) {
      case "run" -> {
        run = line;
        ttfts.clear();
        return Optional.empty();
      }
      case "warmup" -> {
        return Optional.empty();
      }
      case "request", "summary" -> {
        if (run == null) throw bad("a " + kind + " line before any run line");
        return kind.equals("request") ? request(line) : summary(line);
      }
      default -> throw bad("unknown kind '" + kind + "' (run, warmup, request or summary)");
    }
  }

  private Optional<BenchResult> request(JsonNode line) {
    JsonNode ttft = line.path("ttft_ms");
    if (line.path("ok").asBoolean() && ttft.isNumber()) {
      ttfts
          .computeIfAbsent(line.path("level").asText(), k -> new ArrayList<>())
          .add(ttft.asDouble());
    }
    return Optional.empty();
  }

  private Optional<BenchResult> summary(JsonNode line) {
    List<Double> level = ttfts.getOrDefault(line.path("level").asText(), List.of());
    try {
      return Optional.of(ServeRow.of(run, line, level, source, lineNo));
    } catch (IllegalArgumentException e) {
      throw bad("a summary that is not a row: " + e.getMessage());
    }
  }

  private BadLineException bad(String message) {
    return new BadLineException(source, lineNo, message, null);
  }
}
