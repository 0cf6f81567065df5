package dev.tokbench.report;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A claim's {@code says} text: {@code {name}} prints a value as it is, {@code {name:2}} with two
 * decimals, {@code {name.label}} an aspect of it; a part in {@code [...]} is left out when a value
 * it names is missing (an optional figure the folder lacks). {@code [[} and {@code ]]} are literal
 * brackets.
 */
final class ClaimTemplate {
  private static final Pattern PLACE = Pattern.compile("\\{([A-Za-z0-9_.]+)(?::([0-9]))?}");
  private static final Pattern OPTIONAL = Pattern.compile("\\[(?!\\[)([^\\[\\]]*)](?!])");

  private ClaimTemplate() {}

  /** The names {@code template} refers to, for checking a file before any data are read. */
  static java.util.List<String> names(String template) {
    java.util.List<String> out = new java.util.ArrayList<>();
    Matcher m = PLACE.matcher(template);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /**
   * {@code template} with its values; {@code values} gives null for a missing one. Null when a
   * value outside every {@code [...]} is missing.
   */
  static String render(String template, Function<String, ClaimValue> values) {
    Matcher o = OPTIONAL.matcher(template);
    StringBuilder out = new StringBuilder();
    while (o.find()) {
      String part = fill(o.group(1), values);
      o.appendReplacement(out, Matcher.quoteReplacement(part == null ? "" : part));
    }
    o.appendTail(out);
    String all = fill(out.toString(), values);
    return all == null ? null : all.replace("[[", "[").replace("]]", "]");
  }

  /** The text with its values, or null when one is missing. */
  private static String fill(String text, Function<String, ClaimValue> values) {
    Matcher m = PLACE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      ClaimValue v = values.apply(m.group(1));
      if (v == null) return null;
      String s = m.group(2) == null ? v.print() : v.print(Integer.parseInt(m.group(2)));
      m.appendReplacement(out, Matcher.quoteReplacement(s));
    }
    m.appendTail(out);
    return out.toString();
  }
}
