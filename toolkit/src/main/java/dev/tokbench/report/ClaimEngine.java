package dev.tokbench.report;

import dev.tokbench.report.ClaimSpec.Figure;
import dev.tokbench.report.ClaimSpec.ListSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes a claim of a claims file on a data folder: looks its figures up, computes, writes its
 * text and judges it. A figure the folder lacks makes the claim "cannot be checked", saying which.
 */
final class ClaimEngine {
  /** The computations: two operands each, but {@code ms} (1000 ÷ tok/s) takes one. */
  static final Set<String> COMPUTATIONS =
      Set.of(
          "ratio",
          "gain",
          "percent",
          "difference",
          "product",
          "sum",
          "bandwidth",
          "ms",
          "when_equal");

  private final DataFolder data;
  private final ClaimFigures figures;

  ClaimEngine(DataFolder data) {
    this.data = data;
    this.figures = new ClaimFigures(data);
  }

  Claim check(ClaimSpec s) {
    Map<String, ClaimValue> v = new HashMap<>();
    List<String> lacking = lookUp(s.figures(), Map.of(), v);
    if (!lacking.isEmpty()) return unchecked(s, String.join(", ", lacking));
    s.lists().forEach((name, l) -> v.put(name, list(l)));
    compute(s.compute(), v);
    for (ClaimCondition c : s.requires()) {
      List<Boolean> o = c.outcomes(ref -> value(v, ref));
      if (o == null || o.contains(false)) return unchecked(s, "the condition at line " + c.line());
    }
    String text = ClaimTemplate.render(s.says(), ref -> value(v, ref));
    if (text == null) return unchecked(s, "a value its text needs (outside [...])");
    return new Claim(s.id(), s.section(), s.quote(), text, verdict(s.rule(), v));
  }

  private Claim unchecked(ClaimSpec s, String lacking) {
    return Claim.unchecked(
        s.id(), s.section(), s.quote(), s.missing() != null ? s.missing() : lacking);
  }

  /** Puts each figure found into {@code out}; returns the required ones not found. */
  private List<String> lookUp(
      Map<String, Figure> specs, Map<String, String> bound, Map<String, ClaimValue> out) {
    List<String> lacking = new ArrayList<>();
    specs.forEach(
        (name, f) -> {
          Map<String, String> keys = new LinkedHashMap<>();
          f.keys().forEach((k, t) -> keys.put(k, fill(t, bound)));
          ClaimValue found = figures.of(keys);
          if (found != null) out.put(name, found);
          else if (!f.optional()) lacking.add(name + " " + keys);
        });
    return lacking;
  }

  /** One item per combination of the list's values whose figures are all found. */
  private ClaimValue list(ListSpec l) {
    List<ClaimValue> items = new ArrayList<>();
    for (Map<String, String> b : combinations(l.forEach())) {
      Map<String, ClaimValue> v = new HashMap<>();
      b.forEach((k, t) -> v.put(k, ClaimValue.text(t)));
      if (!lookUp(l.figures(), b, v).isEmpty()) continue;
      compute(l.compute(), v);
      ClaimValue n = v.get(l.value());
      if (n == null) continue;
      String text = ClaimTemplate.render(l.item(), ref -> value(v, ref));
      if (text != null) items.add(ClaimValue.of(n.number(), text));
    }
    return ClaimValue.list(items);
  }

  /** Every combination, the first key outermost; {@code every F model} is F's chart labels. */
  private List<Map<String, String>> combinations(Map<String, List<String>> forEach) {
    List<Map<String, String>> out = new ArrayList<>(List.of(Map.of()));
    forEach.forEach(
        (key, values) -> {
          List<Map<String, String>> next = new ArrayList<>();
          for (Map<String, String> b : out) {
            for (String value : expand(values)) {
              Map<String, String> m = new LinkedHashMap<>(b);
              m.put(key, value);
              next.add(m);
            }
          }
          out.clear();
          out.addAll(next);
        });
    return out;
  }

  private List<String> expand(List<String> values) {
    if (values.size() != 1 || !values.get(0).matches("every .+ model")) return values;
    String framework = values.get(0).substring(6, values.get(0).length() - 6);
    return data.merged().stream()
        .filter(r -> r.framework().equals(framework))
        .map(r -> Labels.chartLabel(data, r))
        .distinct()
        .toList();
  }

  private static void compute(Map<String, List<String>> compute, Map<String, ClaimValue> v) {
    compute.forEach(
        (name, c) -> {
          ClaimValue a = v.get(c.get(1));
          ClaimValue b = c.size() > 2 ? v.get(c.get(2)) : null;
          ClaimValue r = a == null || (c.size() > 2 && b == null) ? null : apply(c.get(0), a, b);
          if (r != null) v.put(name, r);
        });
  }

  private static ClaimValue apply(String kind, ClaimValue a, ClaimValue b) {
    double x = a.number();
    return switch (kind) {
      case "ratio" -> ClaimValue.of(x / b.number());
      case "gain" -> ClaimValue.of((x / b.number() - 1) * 100);
      case "percent" -> ClaimValue.of(100 * x / b.number());
      case "difference" -> ClaimValue.of(x - b.number());
      case "product" -> ClaimValue.of(x * b.number());
      case "sum" -> ClaimValue.of(x + b.number());
      case "bandwidth" -> ClaimValue.of(x * b.number() / 1e9); // bytes × tok/s, in GB/s
      case "ms" -> ClaimValue.of(1000 / x);
      case "when_equal" -> x == b.number() ? a : null;
      default -> throw new IllegalStateException("unknown computation " + kind);
    };
  }

  /** A value by name, or an aspect of one ({@code gains.range}); null when missing. */
  static ClaimValue value(Map<String, ClaimValue> v, String ref) {
    ClaimValue whole = v.get(ref);
    if (whole != null) return whole;
    int dot = ref.indexOf('.');
    if (dot < 0) return null;
    ClaimValue head = v.get(ref.substring(0, dot));
    return head == null ? null : head.aspect(ref.substring(dot + 1));
  }

  private static Verdict verdict(ClaimSpec.Rule rule, Map<String, ClaimValue> v) {
    if (rule.fixed() != null) return rule.fixed();
    if (!rule.share().isEmpty()) {
      int holding = 0;
      int total = 0;
      for (ClaimCondition c : rule.share()) {
        List<Boolean> o = c.outcomes(ref -> value(v, ref));
        if (o == null) continue;
        total += o.size();
        holding += (int) o.stream().filter(b -> b).count();
      }
      // all of them: holds; some: partly; none: does not hold
      return holding == total
          ? Verdict.HOLDS
          : holding > 0 ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
    }
    if (all(rule.holds(), v)) return Verdict.HOLDS;
    return !rule.partly().isEmpty() && all(rule.partly(), v)
        ? Verdict.PARTLY
        : Verdict.DOES_NOT_HOLD;
  }

  /**
   * Whether every condition holds (for each item of a list); one on a missing value is left out.
   */
  private static boolean all(List<ClaimCondition> conditions, Map<String, ClaimValue> v) {
    for (ClaimCondition c : conditions) {
      List<Boolean> o = c.outcomes(ref -> value(v, ref));
      if (o != null && o.contains(false)) return false;
    }
    return true;
  }

  private static String fill(String text, Map<String, String> bound) {
    String out = text;
    for (var b : bound.entrySet()) out = out.replace("{" + b.getKey() + "}", b.getValue());
    return out;
  }
}
