package dev.tokbench.serve.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A parser of the Prometheus text exposition format (version 0.0.4), the format of llama-server's,
 * vLLM's, sglang's and MLC's {@code /metrics}: {@code # TYPE name type} and {@code # HELP} lines,
 * other comments, and samples {@code name{label="value",...} value [timestamp]} with {@code +Inf},
 * {@code -Inf} and {@code NaN} values and escaped label values. A line that is none of these is a
 * {@link PrometheusFormatException} naming the line.
 */
public final class PrometheusText {
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  private PrometheusText() {}

  /** Parses {@code text}; {@code source} (a URL or file) names it in errors. */
  public static MetricsSnapshot parse(String text, String source) {
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) continue;
      if (line.startsWith("#")) typeLine(line, types, source, i + 1);
      else sample(line, values, source, i + 1);
    }
    return new MetricsSnapshot(values, types);
  }

  private static void typeLine(String line, Map<String, String> types, String source, int n) {
    String[] parts = line.substring(1).trim().split("\\s+");
    if (parts.length < 1 || !parts[0].equals("TYPE")) return; // HELP and plain comments
    if (parts.length != 3 || !TYPES.contains(parts[2]))
      throw new PrometheusFormatException(
          source, n, line, "a TYPE line is '# TYPE name " + TYPES + "'");
    types.put(parts[1], parts[2]);
  }

  private static void sample(String line, Map<String, Double> values, String source, int n) {
    int end = nameEnd(line);
    if (end == 0)
      throw new PrometheusFormatException(source, n, line, "a sample starts with a metric name");
    if (end < line.length() && line.charAt(end) == '{') end = labelsEnd(line, end, source, n);
    String series = line.substring(0, end);
    String[] rest = line.substring(end).trim().split("\\s+");
    if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty())
      throw new PrometheusFormatException(
          source, n, line, "a sample is 'name{labels} value [timestamp]'");
    values.put(series, number(rest[0], line, source, n));
  }

  private static int nameEnd(String line) {
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      boolean ok = Character.isLetter(c) || c == '_' || c == ':' || (i > 0 && Character.isDigit(c));
      if (!ok || c > 127) break;
      i++;
    }
    return i;
  }

  /** Index just past the closing brace of the label set that opens at {@code open}. */
  private static int labelsEnd(String line, int open, String source, int n) {
    boolean quoted = false;
    for (int i = open + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '\\') i++; // \" \\ \n inside a label value
      else if (c == '"') quoted = !quoted;
      else if (!quoted && c == '}') return i + 1;
    }
    throw new PrometheusFormatException(source, n, line, "the label set is not closed");
  }

  private static double number(String s, String line, String source, int n) {
    switch (s) {
      case "+Inf":
      case "Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new PrometheusFormatException(source, n, line, "the value is not a number");
        }
    }
  }
}
