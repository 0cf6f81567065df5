package dev.tokbench.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One test a claim's verdict rests on: a value ({@code value: gain}) or each item of a list ({@code
 * each: gains}) against comparisons, all of which must hold. An operand is a number or the name of
 * another value; with {@code precision} both sides are first rounded as the report prints them (so
 * {@code equals: 3.4, precision: 1} is "3.4× at the published precision").
 *
 * @param subject the value or list named
 * @param each whether each item of a list is tested (and counted, in a {@code share})
 * @param tests comparison to operand: equals, above, at_least, below, at_most, starts_with, within
 *     (with of: the distance allowed), reads (the text as printed), empty (true or false)
 * @param precision decimals to round to before comparing; -1 for none
 * @param line where the condition is written
 */
record ClaimCondition(
    String subject, boolean each, Map<String, String> tests, int precision, int line) {
  static final Set<String> KEYS =
      Set.of(
          "value",
          "each",
          "equals",
          "above",
          "at_least",
          "below",
          "at_most",
          "starts_with",
          "within",
          "of",
          "empty",
          "reads",
          "precision");

  ClaimCondition {
    tests = Map.copyOf(tests);
  }

  /**
   * The outcome of each tested item (one for a plain value); null when the value is missing, so
   * that a condition on an optional figure the folder lacks is not counted.
   */
  List<Boolean> outcomes(Function<String, ClaimValue> values) {
    ClaimValue v = values.apply(subject);
    if (v == null) return null;
    if (tests.containsKey("empty")) {
      return List.of(v.isList() && v.items().isEmpty() == Boolean.parseBoolean(tests.get("empty")));
    }
    List<ClaimValue> items = each && v.isList() ? v.items() : List.of(v);
    return items.stream().map(i -> holds(i, values)).toList();
  }

  private boolean holds(ClaimValue v, Function<String, ClaimValue> values) {
    for (var t : tests.entrySet()) {
      if (t.getKey().equals("of")) continue;
      if (!test(t.getKey(), v, t.getValue(), values)) return false;
    }
    return true;
  }

  private boolean test(String op, ClaimValue v, String operand, Function<String, ClaimValue> vs) {
    if (op.equals("starts_with")) return v.print().startsWith(operand);
    if (op.equals("reads")) return (precision < 0 ? v.print() : v.print(precision)).equals(operand);
    double a = round(v.number());
    double b = round(number(operand, vs));
    return switch (op) {
      case "equals" -> a == b;
      case "above" -> a > b;
      case "at_least" -> a >= b;
      case "below" -> a < b;
      case "at_most" -> a <= b;
      case "within" -> Math.abs(a - round(number(tests.get("of"), vs))) <= number(operand, vs);
      default -> throw new IllegalStateException("unknown comparison " + op);
    };
  }

  private double round(double x) {
    return precision < 0 ? x : Double.parseDouble(Labels.fixed(x, precision));
  }

  private static double number(String operand, Function<String, ClaimValue> values) {
    try {
      return Double.parseDouble(operand);
    } catch (NumberFormatException e) {
      ClaimValue v = values.apply(operand);
      return v == null ? Double.NaN : v.number();
    }
  }
}
