package dev.tokbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
  private static final ObjectMapper JSON = new ObjectMapper();

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
    try {
      return fromJson(JSON.readTree(line));
    } catch (JsonProcessingException e) {
      throw new ResultsFormatException(source, lineNo, "not JSON: " + e.getOriginalMessage());
    } catch (RuntimeException e) {
      throw new ResultsFormatException(source, lineNo, e.getMessage(), e);
    }
  }

  /** The row from a JSON object written by {@link #toJson}. */
  public static BenchResult fromJson(JsonNode o) {
    List<Double> samples = new ArrayList<>();
    o.path("samples_ts").forEach(n -> samples.add(n.asDouble()));
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
            o.path("tokens_per_s_mean").isNumber()
                ? o.get("tokens_per_s_mean").asDouble()
                : Double.NaN,
            o.path("tokens_per_s_stddev").isNumber()
                ? o.get("tokens_per_s_stddev").asDouble()
                : Double.NaN,
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
