package dev.tokbench.sweep;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tokbench.BadInputException;
import dev.tokbench.BadLineException;
import dev.tokbench.device.Machine;
import dev.tokbench.run.EnergySettings;
import dev.tokbench.run.RunSettings;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sweep file's {@code run:} block: the keys every framework shares ({@code framework}, {@code
 * args}, {@code env}, {@code timeout_s}, the {@link SweepEnergy} keys) and the framework's own,
 * bound with Jackson to its options record once per point, after {@code ${axis}} is filled in. A
 * key the framework does not have is an error naming the key, its line and the nearest known key.
 */
final class RunBlock {
  private static final Set<String> SHARED = shared();

  private final Where where;
  private final Frameworks.Binding<?> framework;
  private final ObjectNode defaults;
  private final ObjectNode options;
  private final List<String> args;
  private final Map<String, String> env;
  private final Duration timeout;
  private final EnergySettings energy; // null: the runs' default
  private Map<String, String> machine; // described when the first point runs, not when read

  /** The file being read, its mapper and where its keys stand, for binding and messages. */
  record Where(Path file, ObjectMapper mapper, KeyLines lines) {
    BadInputException bad(String pointer, String what) {
      // a message quotes keys and values from the file: a few of them, not 64 KiB
      String said = what.length() > 1_500 ? what.substring(0, 1_497) + "..." : what;
      return new BadLineException(file.toString(), lines.line(pointer), said, null);
    }

    /**
     * Rejects the first key of {@code node} (at {@code pointer}) that is not {@code known}, naming
     * it, its line and the known key it is nearest to.
     */
    void rejectUnknownKeys(JsonNode node, String pointer, Set<String> known, String keysAre) {
      node.fieldNames()
          .forEachRemaining(
              key -> {
                if (known.contains(key)) return;
                String hint =
                    Suggestions.closest(key, known)
                        .map(k -> "did you mean '" + k + "'? ")
                        .orElse("");
                String in = pointer.isEmpty() ? "" : " in " + pointer.substring(1);
                throw bad(
                    pointer + "/" + key, "unknown key '" + key + "'" + in + "; " + hint + keysAre);
              });
    }
  }

  RunBlock(JsonNode run, Where where) {
    this.where = where;
    String name = run.path("framework").asText("");
    this.framework =
        Frameworks.named(name)
            .orElseThrow(
                () ->
                    where.bad(
                        "/run/framework",
                        "run.framework must be llama-bench, embedded, tinygrad, vllm or mlc, got '"
                            + name
                            + "'"));
    this.defaults = where.mapper().valueToTree(framework.defaults());
    this.options = where.mapper().createObjectNode();
    run.fields()
        .forEachRemaining(
            e -> {
              if (!SHARED.contains(e.getKey())) options.set(e.getKey(), e.getValue());
            });
    rejectUnknownKeys(run, name);
    this.args = run.has("args") ? strings(run.get("args")) : List.of();
    this.env = map(run.path("env"));
    this.timeout = timeout(run.get("timeout_s"));
    this.energy = SweepEnergy.of(run, where);
  }

  private static Set<String> shared() {
    Set<String> s = new TreeSet<>(Set.of("framework", "args", "env", "timeout_s"));
    s.addAll(SweepEnergy.KEYS);
    return Set.copyOf(s);
  }

  /**
   * Checks, before anything runs, that every {@code ${name}} in args, env and the framework's keys
   * names an axis, and that every point's options bind; an error names the key, its line, the
   * reference and the axes there are.
   */
  void check(List<SweepPoint> points, Set<String> axes) {
    for (int i = 0; i < args.size(); i++) {
      references(args.get(i), "/run/args", "run.args[" + i + "]", axes);
    }
    env.forEach((k, v) -> references(v, "/run/env/" + k, "run.env." + k, axes));
    options
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isTextual()) {
                String key = e.getKey();
                references(e.getValue().asText(), "/run/" + key, "run." + key, axes);
              }
            });
    for (SweepPoint p : points) bind(p);
  }

  private void references(String text, String pointer, String key, Set<String> axes) {
    java.util.regex.Matcher m = SweepPoint.VAR.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (axes.contains(name)) continue;
      String hint =
          Suggestions.closest(name, axes).map(k -> "did you mean '" + k + "'? ").orElse("");
      throw where.bad(
          pointer,
          key
              + ": ${"
              + name
              + "} is not an axis; "
              + hint
              + "the axes are "
              + String.join(", ", axes));
    }
  }

  /**
   * What defines a point's measurement beyond its axis values: the framework, the filled-in args
   * and env, the timeout and the bound options (binary, model, backend …), as one text. The machine
   * and the build's commit are recorded in each row's provenance instead: they are only known when
   * the point runs.
   */
  String definition(SweepPoint point) {
    StringBuilder b = new StringBuilder(framework.type().getName());
    args.forEach(a -> b.append("\narg ").append(point.fill(a)));
    new java.util.TreeMap<>(env)
        .forEach((k, v) -> b.append("\nenv ").append(k).append('=').append(point.fill(v)));
    b.append("\ntimeout ").append(timeout);
    b.append("\noptions ").append(where.mapper().valueToTree(bind(point)).toString());
    return b.toString();
  }

  /** The runner of every point: the framework's run with this block's settings, filled in. */
  PointRunner runner() {
    return (point, sink) -> {
      List<String> filledArgs = args.stream().map(point::fill).toList();
      Map<String, String> filledEnv = new LinkedHashMap<>();
      env.forEach((k, v) -> filledEnv.put(k, point.fill(v)));
      RunSettings s =
          new RunSettings(filledArgs, filledEnv, timeout, null, machine())
              .with(RunSettings::energy, energy);
      return framework.make(bind(point), s).run(sink);
    };
  }

  private synchronized Map<String, String> machine() {
    if (machine == null) machine = Machine.describe();
    return machine;
  }

  /** The framework's options for one point: its defaults, overlaid with the filled-in keys. */
  private Object bind(SweepPoint point) {
    ObjectNode tree = defaults.deepCopy();
    options
        .fields()
        .forEachRemaining(
            e ->
                tree.set(
                    e.getKey(),
                    e.getValue().isTextual()
                        ? TextNode.valueOf(point.fill(e.getValue().asText()))
                        : e.getValue()));
    try {
      return where.mapper().treeToValue(tree, framework.type());
    } catch (JsonMappingException e) {
      throw unbindable(e, tree);
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw where.bad("/run", "run: " + e.getMessage());
    }
  }

  private BadInputException unbindable(JsonMappingException e, ObjectNode tree) {
    List<JsonMappingException.Reference> path = e.getPath();
    String key = path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (key == null) return where.bad("/run", "run: " + cause.getMessage());
    String expected = expected(key);
    String got = tree.path(key).asText();
    return where.bad("/run/" + key, "run." + key + " must be " + expected + ", got '" + got + "'");
  }

  /** What the options record's component behind {@code key} takes, in words. */
  private String expected(String key) {
    for (RecordComponent c : framework.type().getRecordComponents()) {
      if (!snake(c.getName()).equals(key)) continue;
      Class<?> t = c.getType();
      if (t == int.class || t == Integer.class || t == long.class) return "a whole number";
      if (t == boolean.class) return "true or false";
      return "a " + t.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
    return "valid";
  }

  private static String snake(String name) {
    return new PropertyNamingStrategies.SnakeCaseStrategy().translate(name);
  }

  private void rejectUnknownKeys(JsonNode run, String name) {
    Set<String> known = new TreeSet<>(SHARED);
    defaults.fieldNames().forEachRemaining(known::add);
    String keys = "the keys of framework " + name + " are " + String.join(", ", known);
    where.rejectUnknownKeys(run, "/run", known, keys);
  }

  private Duration timeout(JsonNode seconds) {
    if (seconds == null || seconds.isNull()) return null;
    try {
      long s = Long.parseLong(seconds.asText().trim());
      if (s > 0) return Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      // reported below
    }
    throw where.bad(
        "/run/timeout_s",
        "run.timeout_s must be a whole number of seconds, got '" + seconds.asText() + "'");
  }

  private List<String> strings(JsonNode n) {
    if (!n.isArray()) throw where.bad("/run/args", "run.args must be a list");
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Map<String, String> map(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }
}
