package dev.tokbench.formats.tinygrad;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON line of the harness with typed access: a missing or mistyped field is a {@link
 * TinygradBenchException} naming the source, the line and the key.
 */
final class HarnessLine {
  private final JsonNode node;
  private final String source;
  private final long line;

  HarnessLine(JsonNode node, String source, long line) {
    this.node = node;
    this.source = source;
    this.line = line;
  }

  TinygradBenchException error(String message) {
    return new TinygradBenchException(source, line, message);
  }

  /** True when the line has the key. */
  boolean has(String key) {
    return node.has(key);
  }

  String text(String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual()) throw wrong(key, "a string", v);
    return v.asText();
  }

  /** A string field, or {@code fallback} when the key is absent. */
  String text(String key, String fallback) {
    return node.has(key) ? text(key) : fallback;
  }

  /** A scalar field as text, {@code null} when absent or not a scalar. */
  String scalar(String key) {
    JsonNode v = node.get(key);
    return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  /** An array of strings. */
  List<String> strings(String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isArray()) throw wrong(key, "an array of strings", v);
    List<String> out = new ArrayList<>();
    for (JsonNode s : v) {
      if (!s.isTextual()) throw wrong(key, "an array of strings", v);
      out.add(s.asText());
    }
    return out;
  }

  int count(String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
      throw wrong(key, "a whole number >= 0", v);
    }
    return v.asInt();
  }

  double number(String key) {
    return number(node.get(key), key);
  }

  /** An array of positive numbers (times or rates). */
  List<Double> numbers(String key) {
    return numbers(node.get(key), key);
  }

  /** An array of arrays of positive numbers (per-token times per rep). */
  List<List<Double>> nested(String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isArray()) throw wrong(key, "an array of arrays of numbers", v);
    List<List<Double>> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) out.add(numbers(v.get(i), key + "[" + i + "]"));
    return out;
  }

  /**
   * A nested object's scalar fields as strings ({@code model}, {@code env} ...), empty if absent.
   */
  Map<String, String> object(String key) {
    JsonNode v = node.get(key);
    if (v == null) return Map.of();
    if (!v.isObject()) throw wrong(key, "an object", v);
    Map<String, String> out = new LinkedHashMap<>();
    v.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isValueNode()) out.put(e.getKey(), e.getValue().asText());
            });
    return out;
  }

  /** A nested object's nested object ({@code model.shape}), its scalars as strings. */
  Map<String, String> object(String key, String inner) {
    JsonNode v = node.path(key);
    return v.has(inner) ? new HarnessLine(v, source, line).object(inner) : Map.of();
  }

  private double number(JsonNode v, String key) {
    if (v == null || !v.isNumber()) throw wrong(key, "a number", v);
    return v.asDouble();
  }

  private List<Double> numbers(JsonNode v, String key) {
    if (v == null || !v.isArray()) throw wrong(key, "an array of numbers", v);
    List<Double> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      double d = number(v.get(i), key + "[" + i + "]");
      if (!(d > 0)) throw wrong(key + "[" + i + "]", "a positive number", v.get(i));
      out.add(d);
    }
    return out;
  }

  private TinygradBenchException wrong(String key, String expected, JsonNode got) {
    String seen = got == null ? "nothing" : abbreviate(got.toString());
    return error("key '" + key + "': expected " + expected + ", got " + seen);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
