package dev.tokbench.formats.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.BadLineException;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONL of {@code tokbench serve-bench} as rows of the test kind {@code serve}: one row per
 * {@code "kind": "summary"} line, with its run line's server, model and machine, and the TTFTs of
 * its level's request lines (for the TTFT distribution). A file that serve-bench appended to
 * several times holds several runs; each summary belongs to the run line above it. Warm-up lines
 * are not counted, as serve-bench does not count them. {@link ServeRow} says what goes where.
 */
public final class ServeOutput {
  private static final ObjectMapper JSON = JsonInput.mapper(ReadLimits.SERVE_JSONL);

  private ServeOutput() {}

  /** True when the text's first line is serve-bench's run line. */
  public static boolean recognises(String text) {
    String first = text.stripLeading().lines().findFirst().orElse("");
    if (!first.startsWith("{")) return false;
    try {
      JsonNode o = JSON.readTree(first);
      return o.path("kind").asText().equals("run") && o.has("levels") && o.has("server");
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * A row per summary line. Limits ({@link ReadLimits#SERVE_JSONL}): 256 MiB, 8 MiB a line; a line
   * that is not JSON, or a summary or request before any run line, is an error at its line.
   */
  public static List<BenchResult> read(Path file) {
    String source = file.toString();
    List<JsonNode> lines = new ArrayList<>();
    long lineNo = 0;
    for (String line : (Iterable<String>) ReadLimits.SERVE_JSONL.read(file).lines()::iterator) {
      lineNo++;
      lines.add(line.isBlank() ? null : parse(line, source, lineNo));
    }
    return rows(lines, source);
  }

  /**
   * A row per summary of {@code lines}, serve-bench's lines as it wrote them (line {@code i + 1} of
   * {@code source}; null for a blank line).
   */
  public static List<BenchResult> rows(List<? extends JsonNode> lines, String source) {
    ServeLines reader = new ServeLines(source);
    List<BenchResult> rows = new ArrayList<>();
    for (JsonNode o : lines) reader.next(o).ifPresent(rows::add);
    return rows;
  }

  private static JsonNode parse(String line, String source, long lineNo) {
    try {
      JsonNode o = JSON.readTree(line);
      if (o == null || !o.isObject()) {
        throw new BadLineException(source, lineNo, "not a JSON object", null);
      }
      return o;
    } catch (JsonProcessingException e) {
      throw JsonInput.failure(
          ReadLimits.SERVE_JSONL,
          source,
          lineNo,
          e,
          (l, message, cause) -> new BadLineException(source, l, message, cause));
    }
  }
}
