package dev.tokbench.report;

import dev.tokbench.report.ClaimSpec.Figure;
import dev.tokbench.report.ClaimSpec.ListSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one claim of a claims file and checks it before any data are read: every key known, every
 * look-up of one kind, every computation known with operands defined before it, every name the text
 * and the conditions use defined. Errors name the file, the line and the key.
 */
final class ClaimSpecReader {
  static final Set<String> CLAIM =
      Set.of(
          "id",
          "section",
          "quote",
          "figures",
          "lists",
          "compute",
          "says",
          "missing",
          "requires",
          "verdict",
          "holds",
          "partly",
          "share");
  static final Set<String> LIST = Set.of("for_each", "figures", "compute", "value", "item");

  /** The most items a list's {@code for_each} may make: a claim compares a few dozen figures. */
  static final int MAX_ITEMS = 10_000;

  private final YamlNodes y;

  ClaimSpecReader(YamlNodes y) {
    this.y = y;
  }

  ClaimSpec read(Node n, String at) {
    MappingNode m = y.map(n, at, CLAIM);
    String id = y.text(m, "id", at);
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      throw y.bad(y.line(m), at + ".id must be letters, digits, '.', '_' or '-', got '" + id + "'");
    }
    Set<String> names = new HashSet<>();
    Map<String, Figure> figures = figures(y.get(m, "figures"), at + ".figures", names);
    Map<String, ListSpec> lists = new LinkedHashMap<>();
    Node ln = y.get(m, "lists");
    if (ln != null) {
      for (NodeTuple t : y.map(ln, at + ".lists", Set.of()).getValue()) {
        String name = y.key(t, at + ".lists");
        lists.put(name, list(t.getValueNode(), at + ".lists." + name));
        names.add(name);
      }
    }
    Map<String, List<String>> compute = compute(y.get(m, "compute"), at + ".compute", names);
    String says = y.text(m, "says", at);
    for (String ref : ClaimTemplate.names(says))
      defined(ref, names, y.get(m, "says"), at + ".says");
    List<ClaimCondition> requires = conditions(m, "requires", at, names);
    return new ClaimSpec(
        id,
        y.text(m, "section", at),
        y.text(m, "quote", at),
        figures,
        lists,
        compute,
        says,
        y.text(m, "missing", at, null),
        requires,
        rule(m, at, names),
        y.line(n));
  }

  private ClaimSpec.Rule rule(MappingNode m, String at, Set<String> names) {
    Node fixed = y.get(m, "verdict");
    Verdict v = null;
    if (fixed != null) {
      String label = y.scalar(fixed, at + ".verdict");
      for (Verdict x : Verdict.values()) if (x.label().equals(label)) v = x;
      if (v == null) {
        List<String> labels =
            java.util.Arrays.stream(Verdict.values()).map(Verdict::label).toList();
        throw y.bad(
            y.line(fixed),
            at + ".verdict must be one of " + labels + ", got " + YamlNodes.quote(label));
      }
    }
    List<ClaimCondition> holds = conditions(m, "holds", at, names);
    List<ClaimCondition> share = conditions(m, "share", at, names);
    if (v == null && holds.isEmpty() && share.isEmpty()) {
      throw y.bad(y.line(m), at + " needs 'holds', 'share' or a fixed 'verdict'");
    }
    return new ClaimSpec.Rule(v, holds, conditions(m, "partly", at, names), share);
  }

  private Map<String, Figure> figures(Node n, String at, Set<String> names) {
    Map<String, Figure> out = new LinkedHashMap<>();
    if (n == null) return out;
    for (NodeTuple t : y.map(n, at, Set.of()).getValue()) {
      String name = y.key(t, at);
      String here = at + "." + name;
      MappingNode f = y.map(t.getValueNode(), here, ClaimFigures.KEYS);
      Map<String, String> keys = new LinkedHashMap<>();
      for (NodeTuple k : f.getValue()) {
        keys.put(y.key(k, here), y.scalar(k.getValueNode(), here + "." + y.key(k, here)));
      }
      for (var k : keys.entrySet()) checkValue(k.getKey(), k.getValue(), f, here);
      boolean optional = "true".equals(keys.remove("optional"));
      long kinds = keys.keySet().stream().filter(ClaimFigures.KINDS::contains).count();
      if (kinds != 1) {
        throw y.bad(y.line(f), here + " needs exactly one of " + new TreeSet<>(ClaimFigures.KINDS));
      }
      out.put(name, new Figure(keys, optional, y.line(f)));
      names.add(name);
    }
    return out;
  }

  /** A key of a closed set of values, or a number, unless a {@code {placeholder}} fills it. */
  private void checkValue(String key, String value, Node where, String at) {
    if (value.contains("{")) return;
    Set<String> allowed = ClaimFigures.VALUES.get(key);
    if (allowed != null && !allowed.contains(value)) {
      throw y.bad(
          y.line(where),
          at
              + "."
              + key
              + " must be one of "
              + new TreeSet<>(allowed)
              + ", got "
              + YamlNodes.quote(value));
    }
    if (key.equals("number") && ClaimFigures.number(value) == null) {
      throw y.bad(y.line(where), at + ".number must be a number, got " + YamlNodes.quote(value));
    }
    if (key.equals("optional") && !Set.of("true", "false").contains(value)) {
      throw y.bad(
          y.line(where), at + ".optional must be true or false, got " + YamlNodes.quote(value));
    }
  }

  private ListSpec list(Node n, String at) {
    MappingNode m = y.map(n, at, LIST);
    Map<String, List<String>> forEach = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    Node fe = y.get(m, "for_each");
    if (fe == null) throw y.bad(y.line(m), at + " needs 'for_each'");
    for (NodeTuple t : y.map(fe, at + ".for_each", Set.of()).getValue()) {
      String key = y.key(t, at + ".for_each");
      forEach.put(key, strings(t.getValueNode(), at + ".for_each." + key));
      names.add(key);
    }
    long combinations = 1;
    for (List<String> values : forEach.values()) combinations *= Math.min(values.size(), 100_000);
    if (combinations > MAX_ITEMS) {
      throw y.bad(
          y.line(fe), at + ".for_each makes " + combinations + " items; at most " + MAX_ITEMS);
    }
    Map<String, Figure> figures = figures(y.get(m, "figures"), at + ".figures", names);
    Map<String, List<String>> compute = compute(y.get(m, "compute"), at + ".compute", names);
    String value = y.text(m, "value", at);
    defined(value, names, y.get(m, "value"), at + ".value");
    String item = y.text(m, "item", at);
    for (String ref : ClaimTemplate.names(item))
      defined(ref, names, y.get(m, "item"), at + ".item");
    return new ListSpec(forEach, figures, compute, value, item);
  }

  private Map<String, List<String>> compute(Node n, String at, Set<String> names) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (n == null) return out;
    for (NodeTuple t : y.map(n, at, Set.of()).getValue()) {
      String name = y.key(t, at);
      Node v = t.getValueNode();
      List<String> c = List.of(y.scalar(v, at + "." + name).strip().split("\\s+"));
      if (!ClaimEngine.COMPUTATIONS.contains(c.get(0))) {
        throw y.bad(
            y.line(v),
            at
                + "."
                + name
                + ": unknown computation '"
                + c.get(0)
                + "'; the computations are "
                + new TreeSet<>(ClaimEngine.COMPUTATIONS));
      }
      int operands = c.get(0).equals("ms") ? 1 : 2;
      if (c.size() != operands + 1) {
        throw y.bad(
            y.line(v), at + "." + name + ": " + c.get(0) + " takes " + operands + " operands");
      }
      for (String op : c.subList(1, c.size())) defined(op, names, v, at + "." + name);
      out.put(name, c);
      names.add(name);
    }
    return out;
  }

  private List<ClaimCondition> conditions(MappingNode m, String key, String at, Set<String> names) {
    Node n = y.get(m, key);
    List<ClaimCondition> out = new ArrayList<>();
    if (n == null) return out;
    if (!(n instanceof SequenceNode s)) throw y.bad(y.line(n), at + "." + key + " must be a list");
    for (int i = 0; i < s.getValue().size(); i++) {
      out.add(condition(s.getValue().get(i), at + "." + key + "[" + i + "]", names));
    }
    return out;
  }

  private ClaimCondition condition(Node n, String at, Set<String> names) {
    MappingNode m = y.map(n, at, ClaimCondition.KEYS);
    boolean each = y.get(m, "each") != null;
    if (each == (y.get(m, "value") != null))
      throw y.bad(y.line(m), at + " needs one of value or each");
    String subject = y.text(m, each ? "each" : "value", at);
    defined(subject, names, m, at);
    Map<String, String> tests = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String k = y.key(t, at);
      if (Set.of("value", "each", "precision").contains(k)) continue;
      String operand = y.scalar(t.getValueNode(), at + "." + k);
      if (!Set.of("starts_with", "reads", "empty").contains(k) && !isNumber(operand)) {
        defined(operand, names, t.getValueNode(), at + "." + k);
      }
      tests.put(k, operand);
    }
    if (tests.isEmpty() || tests.keySet().equals(Set.of("of"))) {
      throw y.bad(y.line(m), at + " needs a comparison: " + comparisons());
    }
    Node p = y.get(m, "precision");
    int precision = p == null ? -1 : (int) y.number(p, at + ".precision");
    if (precision < -1 || precision > 9) throw y.bad(y.line(p), at + ".precision must be 0 to 9");
    return new ClaimCondition(subject, each, tests, precision, y.line(m));
  }

  private static String comparisons() {
    TreeSet<String> c = new TreeSet<>(ClaimCondition.KEYS);
    c.removeAll(Set.of("value", "each", "precision", "of"));
    return c.toString();
  }

  private List<String> strings(Node n, String at) {
    if (n instanceof SequenceNode s) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < s.getValue().size(); i++) out.add(y.scalar(s.getValue().get(i), at));
      if (out.isEmpty()) throw y.bad(y.line(n), at + " must not be empty");
      return out;
    }
    String one = y.scalar(n, at);
    if (!one.matches("every .+ model")) {
      throw y.bad(
          y.line(n),
          at + " must be a list or 'every FRAMEWORK model', got " + YamlNodes.quote(one));
    }
    return List.of(one);
  }

  /** A name a computation, condition or text uses must be defined before ({@code a.b}: a). */
  private void defined(String ref, Set<String> names, Node where, String at) {
    String head = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
    if (!names.contains(head)) {
      throw y.bad(
          y.line(where),
          at + ": " + YamlNodes.quote(ref) + " is not defined; defined: " + YamlNodes.names(names));
    }
  }

  private static boolean isNumber(String s) {
    return s.strip().toLowerCase(Locale.ROOT).matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?");
  }
}
