package dev.tokbench.formats.tinygrad;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.results.BenchResult;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code scripts/tinygrad_bench.py}'s output read one line at a time, as it streams from a running
 * harness or from a saved file: each of its JSON lines gives rows, every other line (tinygrad's own
 * output, when stderr was saved with it) gives none.
 */
public final class TinygradBenchLines {
  /** The schema the harness writes, and the only version this reader knows. */
  public static final String SCHEMA = "tokbench.tinygrad_bench/1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OURS =
      Pattern.compile("^\\s*\\{\\s*\"schema\"\\s*:\\s*\"tokbench\\.tinygrad_bench/");

  private final String source;
  private final WarmupRule rule;
  private final Map<String, String> provenance;

  /**
   * Lines of {@code source} (named in errors), with a warm-up rule and the provenance of the launch
   * (its {@code gpu} becomes the rows' device).
   */
  public TinygradBenchLines(String source, WarmupRule rule, Map<String, String> provenance) {
    this.source = source;
    this.rule = rule;
    this.provenance = Map.copyOf(provenance);
  }

  /** True when the line is one of the harness's (it starts with the harness's schema key). */
  public static boolean isHarnessLine(String line) {
    return OURS.matcher(line).find();
  }

  /**
   * The rows of line {@code lineNo}: none for a line that is not the harness's, one for a {@code
   * pp} or {@code tg} line, one failed row per unfinished test for an {@code error} line.
   *
   * @throws TinygradBenchException when a harness line is malformed or of an unknown schema
   */
  public List<BenchResult> rows(String line, long lineNo) {
    if (!isHarnessLine(line)) return List.of();
    HarnessLine l = new HarnessLine(parse(line, lineNo), source, lineNo);
    String schema = l.text("schema");
    if (!schema.equals(SCHEMA)) {
      throw l.error("schema '" + schema + "': this reader knows " + SCHEMA + " only");
    }
    String kind = l.text("kind");
    return switch (kind) {
      case "pp", "tg" -> List.of(TinygradBenchRow.measured(l, rule, provenance));
      case "error" -> TinygradBenchRow.failed(l, provenance);
      default -> throw l.error("key 'kind': '" + kind + "', expected pp, tg or error");
    };
  }

  private JsonNode parse(String line, long lineNo) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.isObject()) {
        throw new TinygradBenchException(source, lineNo, "expected one JSON object on the line");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new TinygradBenchException(
          source, lineNo, "malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "tinygrad_bench lines of " + source + " (" + rule.describe() + ")";
  }
}
