package dev.tokbench.report;

import dev.tokbench.DataFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads values out of a SnakeYAML node tree of one file; every error is a {@link DataFileException}
 * at the node's line, naming the key ({@code claims[3].figures.q4}).
 */
final class YamlNodes {
  private final Path file;

  YamlNodes(Path file) {
    this.file = file;
  }

  /** {@code n} as a map whose keys are all in {@code known} (an unknown key lists them). */
  MappingNode map(Node n, String at, Set<String> known) {
    if (!(n instanceof MappingNode m)) throw bad(line(n), at + " must be a map");
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      String k = key(t, at);
      if (!known.isEmpty() && !known.contains(k)) {
        throw bad(
            line(t.getKeyNode()),
            "unknown key " + quote(k) + " in " + at + "; the keys are " + new TreeSet<>(known));
      }
      if (!seen.add(k)) throw bad(line(t.getKeyNode()), at + "." + quote(k) + " is given twice");
    }
    return m;
  }

  /** The value of {@code key}, or null when the map lacks it. */
  Node get(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key))
        return t.getValueNode();
    }
    return null;
  }

  /** The text of the required scalar {@code key}. */
  String text(MappingNode m, String key, String at) {
    Node n = get(m, key);
    if (n == null) throw bad(line(m), at + " needs '" + key + "'");
    return scalar(n, at + "." + key);
  }

  /** The text of the optional scalar {@code key}, or {@code dflt}. */
  String text(MappingNode m, String key, String at, String dflt) {
    Node n = get(m, key);
    return n == null ? dflt : scalar(n, at + "." + key);
  }

  /** {@code n} as text; a map or list is an error. */
  String scalar(Node n, String at) {
    if (!(n instanceof ScalarNode s)) throw bad(line(n), at + " must be a text or a number");
    return s.getValue();
  }

  /** {@code n} as a number. */
  double number(Node n, String at) {
    String s = scalar(n, at);
    try {
      double d = Double.parseDouble(s.strip());
      if (Double.isFinite(d)) return d;
    } catch (NumberFormatException e) {
      // reported below, with the text
    }
    throw bad(line(n), at + " must be a number, got " + quote(s));
  }

  String key(NodeTuple t, String at) {
    return scalar(t.getKeyNode(), at + " (a key)");
  }

  /** The 1-based line {@code n} starts at. */
  int line(Node n) {
    return n == null || n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
  }

  /** {@code text} quoted in a message, cut to 80 characters (a hostile value can be 64 KiB). */
  static String quote(String text) {
    return "'" + (text.length() <= 80 ? text : text.substring(0, 77) + "...") + "'";
  }

  /** Names listed in a message: sorted, at most 20. */
  static String names(java.util.Collection<String> names) {
    java.util.List<String> s = new TreeSet<>(names).stream().map(YamlNodes::quote).toList();
    return s.size() <= 20 ? s.toString() : s.subList(0, 20) + " and " + (s.size() - 20) + " more";
  }

  DataFileException bad(int line, String what) {
    // a key path of hostile names could be long: the message stays readable
    String w = what.length() <= 1500 ? what : what.substring(0, 1497) + "...";
    return new DataFileException(file.toString(), line, w);
  }
}
