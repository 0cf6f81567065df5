package dev.tokbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link BenchResult} rows as JSON objects, one per line, with the column names of {@link
 * ResultsCsv}: unknown numbers are {@code null}, samples an array, maps objects.
 */
public final class ResultsJsonl {
  private static final ObjectMapper JSON = JsonInput.mapper(ReadLimits.RESULTS);

  private ResultsJsonl() {}

  /** The row as one JSON object. */
  public static ObjectNode toJson(BenchResult r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("framework", r.framework());
    o.put("backend", r.backend());
    o.put("model", r.model());
    o.put("quant", r.quant());
    o.put("test", r.test());
    o.put("n_prompt", r.nPrompt());
    o.put("n_gen", r.nGen());
    o.put("n_depth", r.nDepth());
    o.put("flash_attn", r.flashAttn().label());
    number(o, "tokens_per_s_mean", r.tokensPerSMean());
    number(o, "tokens_per_s_stddev", r.tokensPerSStddev());
    ArrayNode samples = o.putArray("samples_ts");
    r.samples().forEach(samples::add);
    count(o, "model_bytes", r.modelBytes());
    count(o, "n_params", r.nParams());
    o.put("device", r.device());
    o.put("status", r.status().label());
    o.put("reason", r.reason());
    o.set("flags", JSON.valueToTree(r.flags()));
    o.set("provenance", JSON.valueToTree(r.provenance()));
    o.set("extra", JSON.valueToTree(r.extra()));
    return o;
  }

  /** The row as one line of JSON, without the newline. */
  public static String line(BenchResult r) {
    try {
      return JSON.writeValueAsString(toJson(r));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses one line written by {@link #line}; {@code source} and {@code lineNo} locate errors. */
  public static BenchResult parse(String line, String source, long lineNo) {
    return row(tree(line, source, lineNo), source, lineNo);
  }

  /**
   * One line's JSON value, within {@link ReadLimits#RESULTS}: malformed JSON or a limit exceeded is
   * an error at {@code lineNo}.
   */
  static JsonNode tree(String line, String source, long lineNo) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw JsonInput.failure(
          ReadLimits.RESULTS,
          source,
          lineNo,
          e,
          (at, problem, cause) -> new ResultsFormatException(source, at, problem, cause));
    }
  }

  /** The row of a JSON object read at {@code lineNo}; a value that cannot be a row is an error. */
  static BenchResult row(JsonNode o, String source, long lineNo) {
    try {
      if (o == null || !o.isObject()) throw new IllegalArgumentException("not a JSON object");
      return fromJson(o);
    } catch (RuntimeException e) {
      throw new ResultsFormatException(
          source, lineNo, JsonInput.abbreviate(String.valueOf(e.getMessage())), e);
    }
  }

  /** The row from a JSON object written by {@link #toJson}. */
  public static BenchResult fromJson(JsonNode o) {
    List<Double> samples = new ArrayList<>();
    o.path("samples_ts").forEach(n -> samples.add(number(n, "samples_ts")));
    return BenchResult.measured(text(o, "framework"))
        .backend(text(o, "backend"))
        .model(text(o, "model"), text(o, "quant"))
        .test(
            text(o, "test"),
            o.path("n_prompt").asInt(0),
            o.path("n_gen").asInt(0),
            o.path("n_depth").asInt(0))
        .flashAttn(FlashAttention.parse(text(o, "flash_attn")))
        .tokensPerS(
            number(o.path("tokens_per_s_mean"), "tokens_per_s_mean"),
            number(o.path("tokens_per_s_stddev"), "tokens_per_s_stddev"),
            samples)
        .size(
            o.path("model_bytes").isNumber() ? o.get("model_bytes").asLong() : -1,
            o.path("n_params").isNumber() ? o.get("n_params").asLong() : -1)
        .device(text(o, "device"))
        .status(
            Status.parse(text(o, "status").isEmpty() ? "ok" : text(o, "status")), text(o, "reason"))
        .flags(map(o.path("flags")))
        .provenance(map(o.path("provenance")))
        .extra(map(o.path("extra")))
        .build();
  }

  /**
   * A number as {@link #toJson} writes it: JSON's, {@code null} for unknown, or Jackson's quoted
   * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
   */
  private static double number(JsonNode n, String field) {
    if (n.isNumber()) return n.asDouble();
    if (n.isMissingNode() || n.isNull()) return Double.NaN;
    return switch (n.asText()) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default ->
          throw new IllegalArgumentException(
              field + " is not a number: " + dev.tokbench.JsonInput.abbreviate(n.toString()));
    };
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n == null || n.isNull() ? "" : n.asText();
  }

  private static Map<String, String> map(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }

  private static void number(ObjectNode o, String field, double d) {
    if (Double.isNaN(d)) o.putNull(field);
    else o.put(field, d);
  }

  private static void count(ObjectNode o, String field, long n) {
    if (n < 0) o.putNull(field);
    else o.put(field, n);
  }
}
