package dev.tokbench.fleet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.BadInputException;
import dev.tokbench.JsonFiles;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import dev.tokbench.sweep.KeyLines;
import dev.tokbench.sweep.Suggestions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fleet declared in YAML (or JSON). Every error names the file, the line and the key ({@code
 * fleet.yaml:7: targets[1].slots must be a whole number of at least 1, got 'two'}); an unknown key
 * says which known key it is nearest to. Limits ({@link ReadLimits#FLEET}): 1 MiB, 32 levels of
 * nesting, 64 KiB a line or string, 10,000 targets; a repeated key and a YAML alias are refused at
 * their line.
 *
 * <pre>
 * targets:
 *   - name: orin-1
 *     ssh: nvidia@orin-1.lab:22        # user@host:port or a ~/.ssh/config alias
 *     identity: ~/.ssh/id_ed25519
 *     workdir: tokbench                # on the host, relative to its home (the default)
 *     java: /opt/tokbench/jre/bin/java # default: java
 *     runtime: jlink                   # or a runtime folder / .tar.gz: shipped, used as java
 *     java_options: [-Xmx1g]           # default: -XX:+UseSerialGC -XX:TieredStopAtLevel=1
 *     ssh_options: [-o, ProxyJump=gw]  # passed to ssh as given
 *     slots: 1                         # points at once (default 1)
 *     env: {CUDA_VISIBLE_DEVICES: "0"}
 *     labels: {device: jetson-agx-orin-64gb, frameworks: [llama-bench, embedded]}
 *   - name: a100-partition
 *     slurm: {partition: gpu, account: lab, gres: "gpu:1", time: "00:30:00", ssh: login-1}
 *     workdir: /shared/tokbench        # on the cluster's shared filesystem
 *     slots: 8                         # array tasks at once
 * </pre>
 */
final class FleetFile {
  private static final Set<String> TOP = Set.of("targets");
  private static final Set<String> TARGET =
      Set.of(
          "name",
          "ssh",
          "identity",
          "workdir",
          "java",
          "ssh_options",
          "slots",
          "env",
          "labels",
          "runtime",
          "slurm");
  private static final Set<String> SLURM =
      Set.of("partition", "account", "gres", "time", "ssh", "poll_s");

  private final Path file;
  private final KeyLines lines;

  private FleetFile(Path file, KeyLines lines) {
    this.file = file;
    this.lines = lines;
  }

  static Fleet read(Path file) {
    String text = ReadLimits.FLEET.read(file);
    ObjectMapper mapper =
        new ObjectMapper(JsonInput.yaml(ReadLimits.FLEET))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    JsonNode root =
        JsonFiles.object(
            text,
            file.toString(),
            mapper,
            ReadLimits.FLEET,
            "valid YAML",
            "must be a map with targets");
    FleetFile f = new FleetFile(file, KeyLines.of(file, text, mapper));
    f.rejectUnknown(root, "", TOP, "a fleet file has targets");
    JsonNode targets = root.path("targets");
    if (!targets.isArray() || targets.isEmpty()) {
      throw f.bad("/targets", "needs 'targets', a list of SSH hosts and Slurm partitions");
    }
    if (targets.size() > ReadLimits.FLEET.maxItems()) {
      throw ReadLimits.FLEET.tooMany(
          file.toString(), f.lines.line("/targets"), "targets", targets.size());
    }
    List<Target> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = f.target(targets.get(i), "/targets/" + i);
      if (!names.add(t.name())) {
        throw f.bad("/targets/" + i + "/name", "two targets are named '" + t.name() + "'");
      }
      out.add(t);
    }
    return new Fleet(file, out);
  }

  private Target target(JsonNode n, String at) {
    if (!n.isObject()) throw bad(at, key(at) + " must be a map with name and ssh or slurm");
    rejectUnknown(n, at, TARGET, "a target has " + String.join(", ", sorted(TARGET)));
    String name = text(n, at, "name", null);
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw bad(at + "/name", key(at) + " needs a name of letters, digits, '.', '_' or '-'");
    }
    boolean ssh = n.has("ssh");
    boolean slurm = n.has("slurm");
    if (ssh == slurm) throw bad(at + "/name", "target '" + name + "' needs one of ssh or slurm");
    SshHost host = ssh ? host(text(n, at, "ssh", null), n, at) : null;
    SlurmSettings s = slurm ? slurm(n.get("slurm"), at + "/slurm") : null;
    if (slurm && !"local".equals(text(n.get("slurm"), at + "/slurm", "ssh", "local"))) {
      host = host(text(n.get("slurm"), at + "/slurm", "ssh", null), n, at);
    }
    return new Target(
        name,
        host,
        s,
        text(n, at, "workdir", "tokbench"),
        text(n, at, "java", "java"),
        n.has("java_options") ? list(n, at + "/java_options") : Target.JAVA_OPTIONS,
        slots(n, at),
        strings(n.path("env"), at + "/env"),
        labels(n.path("labels"), at + "/labels"),
        runtime(text(n, at, "runtime", null), at + "/runtime"));
  }

  /** {@code jlink}, or a runtime folder or .tar.gz, relative to the fleet file's folder. */
  private String runtime(String spec, String at) {
    if (spec == null || spec.equals("jlink")) return spec;
    Path p;
    try {
      p = file.toAbsolutePath().getParent().resolve(expandHome(spec));
    } catch (java.nio.file.InvalidPathException e) {
      throw bad(at, key(at) + " is not a path: " + e.getReason());
    }
    if (java.nio.file.Files.isDirectory(p)
        ? java.nio.file.Files.isRegularFile(p.resolve("bin/java"))
        : java.nio.file.Files.isRegularFile(p) && JavaRuntime.isArchive(p)) {
      return p.toString();
    }
    throw bad(
        at,
        key(at)
            + " must be 'jlink', a Java runtime folder with bin/java or a .tar.gz of one; "
            + p
            + (java.nio.file.Files.exists(p) ? " is neither" : " does not exist"));
  }

  private SshHost host(String destination, JsonNode n, String at) {
    try {
      String identity = text(n, at, "identity", null);
      return SshHost.parse(destination).with(expandHome(identity), list(n, at + "/ssh_options"));
    } catch (IllegalArgumentException e) {
      throw bad(at + "/ssh", e.getMessage());
    }
  }

  private SlurmSettings slurm(JsonNode n, String at) {
    if (!n.isObject()) throw bad(at, key(at) + " must be a map (partition, gres, time…)");
    rejectUnknown(n, at, SLURM, "slurm has " + String.join(", ", sorted(SLURM)));
    JsonNode poll = n.get("poll_s");
    if (poll != null && (!poll.isNumber() || poll.asDouble() <= 0)) {
      throw bad(at + "/poll_s", key(at + "/poll_s") + " must be a positive number of seconds");
    }
    return new SlurmSettings(
        text(n, at, "partition", null),
        text(n, at, "account", null),
        text(n, at, "gres", null),
        text(n, at, "time", null),
        poll == null ? null : Duration.ofMillis((long) (poll.asDouble() * 1000)));
  }

  private int slots(JsonNode n, String at) {
    JsonNode v = n.get("slots");
    if (v == null) return 1;
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
      throw bad(
          at + "/slots",
          key(at + "/slots") + " must be a whole number of at least 1, got '" + v.asText() + "'");
    }
    return v.asInt();
  }

  private Map<String, List<String>> labels(JsonNode n, String at) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (n.isMissingNode() || n.isNull()) return out;
    if (!n.isObject()) throw bad(at, key(at) + " must be a map of label to value or list");
    n.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              String here = at + "/" + e.getKey();
              out.put(e.getKey(), v.isArray() ? list(n, here) : List.of(scalar(v, here)));
            });
    return out;
  }

  private Map<String, String> strings(JsonNode n, String at) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n.isMissingNode() || n.isNull()) return out;
    if (!n.isObject()) throw bad(at, key(at) + " must be a map of name to text");
    n.fields().forEachRemaining(e -> out.put(e.getKey(), scalar(e.getValue(), at)));
    return out;
  }

  private List<String> list(JsonNode parent, String at) {
    JsonNode n = at(parent, at);
    if (n == null || n.isNull()) return List.of();
    if (!n.isArray()) throw bad(at, key(at) + " must be a list");
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(scalar(v, at)));
    return out;
  }

  /** {@code at} is absolute; {@code from} is the node whose child the last step names. */
  private static JsonNode at(JsonNode from, String at) {
    return from.get(at.substring(at.lastIndexOf('/') + 1));
  }

  private String text(JsonNode n, String at, String field, String dflt) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? dflt : scalar(v, at + "/" + field);
  }

  private String scalar(JsonNode v, String at) {
    if (!v.isValueNode()) throw bad(at, key(at) + " must be a text, number or boolean");
    return v.asText();
  }

  private void rejectUnknown(JsonNode n, String at, Set<String> known, String keysAre) {
    n.fieldNames()
        .forEachRemaining(
            k -> {
              if (known.contains(k)) return;
              String hint =
                  Suggestions.closest(k, known).map(s -> "did you mean '" + s + "'? ").orElse("");
              String in = at.isEmpty() ? "" : " in " + key(at);
              throw bad(at + "/" + k, "unknown key '" + k + "'" + in + "; " + hint + keysAre);
            });
  }

  BadInputException bad(String pointer, String what) {
    return new BadInputException(file + ":" + lines.line(pointer) + ": " + what);
  }

  /** {@code /targets/1/slots} as {@code targets[1].slots}. */
  static String key(String pointer) {
    return pointer.substring(1).replaceAll("/([0-9]+)(?=/|$)", "[$1]").replace('/', '.');
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }

  private static String expandHome(String path) {
    if (path == null || !path.startsWith("~/")) return path;
    return System.getProperty("user.home") + path.substring(1);
  }
}
