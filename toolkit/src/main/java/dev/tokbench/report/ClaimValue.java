package dev.tokbench.report;

import dev.tokbench.results.Range;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure or computed value of a claim: a number (with the text it prints as when no precision is
 * asked, e.g. {@code 1.04 GB}), a text, a range, or a list of items (one per {@code for_each}
 * combination). {@code attributes} are what a look-up knows besides its number: a model's {@code
 * label}, a device's {@code source}.
 *
 * @param number the number; NaN for a text, a range or a list
 * @param text how it prints as {@code {name}}; null for the number's own digits
 * @param range the range of a list's numbers ({@code {name.range:1}}); null otherwise
 * @param items the items of a list; null for a single value
 * @param attributes named texts, read as {@code {name.label}}
 */
record ClaimValue(
    double number,
    String text,
    Range range,
    List<ClaimValue> items,
    Map<String, String> attributes) {
  ClaimValue {
    items = items == null ? null : List.copyOf(items);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  static ClaimValue of(double number) {
    return new ClaimValue(number, null, null, null, null);
  }

  static ClaimValue of(double number, String text) {
    return new ClaimValue(number, text, null, null, null);
  }

  static ClaimValue text(String text) {
    return new ClaimValue(Double.NaN, text, null, null, null);
  }

  static ClaimValue list(List<ClaimValue> items) {
    return new ClaimValue(Double.NaN, null, null, items, null);
  }

  ClaimValue with(String attribute, String value) {
    Map<String, String> a = new LinkedHashMap<>(attributes);
    a.put(attribute, value);
    return new ClaimValue(number, text, range, items, a);
  }

  boolean isList() {
    return items != null;
  }

  /**
   * An aspect of this value: a list's {@code count}, {@code min}, {@code max}, {@code range}; an
   * attribute; null when it has none (an empty list has no range).
   */
  ClaimValue aspect(String name) {
    if (isList()) {
      List<Double> n = items.stream().map(ClaimValue::number).toList();
      if (name.equals("count")) return of(n.size(), Integer.toString(n.size()));
      if (n.isEmpty()) return null;
      Range r = Range.of(n);
      return switch (name) {
        case "min" -> of(r.min());
        case "max" -> of(r.max());
        case "range" -> new ClaimValue(Double.NaN, r.toString(), r, null, null);
        default -> null;
      };
    }
    String a = attributes.get(name);
    return a == null ? null : text(a);
  }

  /** How {@code {name}} prints: the text, the list's item texts joined, or the number. */
  String print() {
    if (isList()) return String.join(", ", items.stream().map(ClaimValue::print).toList());
    if (text != null) return text;
    boolean whole = number == Math.rint(number) && Math.abs(number) < 1e15;
    return whole ? Long.toString((long) number) : Double.toString(number); // counts print as 4
  }

  /** How {@code {name:decimals}} prints: fixed decimals, for a range at both ends. */
  String print(int decimals) {
    return range != null ? range.format(decimals) : Labels.fixed(number, decimals);
  }
}
