package dev.tokbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of {@code STYLE.md}, checked on the sources' imports (and fully qualified
 * names in code; comments and strings do not count). A new package gets one line in {@link
 * #ALLOWED}, and one in {@link #MEASUREMENT_SIDE} if a lean jar must carry it.
 */
class PackageArrowsTest {
  /**
   * What runs on a GPU box or a Jetson from a lean jar (picocli, commons-csv, Jackson, JNA): no
   * Tablesaw, no XChart, nothing of the notebook side. Add "energy", "serve", "memory", "fleet" as
   * they land.
   */
  static final List<String> MEASUREMENT_SIDE =
      List.of(
          "process",
          "device",
          "formats",
          "results",
          "run",
          "sweep",
          "gguf",
          "bandwidth",
          "synth",
          "energy",
          "memory",
          "serve",
          "fleet");

  /**
   * Each top-level package (its sub-packages included) and the top-level packages it may import; ""
   * is {@code dev.tokbench} itself. Sub-packages of one package may use each other, as long as no
   * cycle forms.
   */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("", Set.of()),
          Map.entry("gguf", Set.of("")),
          Map.entry("bandwidth", Set.of("", "gguf")),
          Map.entry("results", Set.of("")),
          Map.entry("process", Set.of("")),
          Map.entry("device", Set.of("", "process", "bandwidth")),
          Map.entry("formats", Set.of("", "results", "memory")),
          Map.entry("run", Set.of("", "process", "device", "formats", "results", "gguf", "energy")),
          Map.entry(
              "sweep", Set.of("", "run", "process", "device", "formats", "results", "energy")),
          Map.entry("synth", Set.of("", "gguf")),
          Map.entry("fleet", Set.of("", "sweep", "run", "process", "results")),
          Map.entry("energy", Set.of("")),
          Map.entry("serve", Set.of("", "process", "device", "gguf")),
          Map.entry("memory", Set.of("", "gguf", "bandwidth", "device", "synth")),
          Map.entry("tables", Set.of("", "gguf", "bandwidth", "device", "results")),
          Map.entry("display", Set.of("")),
          Map.entry(
              "report",
              Set.of(
                  "",
                  "gguf",
                  "bandwidth",
                  "device",
                  "results",
                  "formats",
                  "tables",
                  "display",
                  "memory",
                  "synth")),
          Map.entry("notebook", Set.of("", "display")),
          Map.entry("kernel", Set.of("", "notebook", "display")),
          Map.entry("cli", Set.of("*")));

  private static final Path SOURCES = Path.of("src/main/java/dev/tokbench");
  private static final Pattern TOKBENCH =
      Pattern.compile("\\bdev\\.tokbench((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");
  private static final Pattern CHARTS_AND_TABLES =
      Pattern.compile("\\b(tech\\.tablesaw|org\\.knowm\\.xchart)\\.");

  /** Package (relative to dev.tokbench, "" for itself) to the code of each of its files. */
  private static final Map<String, List<String>> CODE = new TreeMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
        CODE.computeIfAbsent(pkg, k -> new ArrayList<>()).add(code(Files.readString(f)));
      }
    }
  }

  @Test
  void everyPackageHasItsArrowsDeclared() {
    Set<String> undeclared = new TreeSet<>();
    for (String pkg : CODE.keySet()) if (!ALLOWED.containsKey(top(pkg))) undeclared.add(pkg);
    assertThat(undeclared).as("packages missing from ALLOWED").isEmpty();
  }

  @Test
  void packagesImportOnlyWhatTheirArrowsAllow() {
    List<String> wrong = new ArrayList<>();
    for (var e : imports().entrySet()) {
      Set<String> allowed = ALLOWED.getOrDefault(top(e.getKey()), Set.of());
      for (String dep : e.getValue()) {
        boolean ok = allowed.contains("*") || allowed.contains(top(dep)) || same(e.getKey(), dep);
        if (!ok) wrong.add(name(e.getKey()) + " -> " + name(dep));
      }
    }
    assertThat(wrong).as("imports against the arrows").isEmpty();
  }

  @Test
  void reportReadsSavedOutputsThroughFormatsNeverThroughRun() {
    assertThat(dependenciesOf("report")).doesNotContain("run", "sweep", "process");
  }

  @Test
  void measurementSideNeedsNoTablesawOrXChart() {
    List<String> found = new ArrayList<>();
    CODE.forEach(
        (pkg, files) -> {
          if (!MEASUREMENT_SIDE.contains(top(pkg))) return;
          for (String code : files) {
            Matcher m = CHARTS_AND_TABLES.matcher(code);
            while (m.find()) found.add(name(pkg) + " uses " + m.group(1));
          }
        });
    assertThat(found).isEmpty();
  }

  @Test
  void measurementSideKnowsNothingOfTheNotebookSide() {
    List<String> wrong = new ArrayList<>();
    imports()
        .forEach(
            (pkg, deps) -> {
              if (!MEASUREMENT_SIDE.contains(top(pkg))) return;
              for (String dep : deps) {
                if (!top(dep).isEmpty() && !MEASUREMENT_SIDE.contains(top(dep)))
                  wrong.add(name(pkg) + " -> " + name(dep));
              }
            });
    assertThat(wrong).isEmpty();
  }

  @Test
  void noPackageCycles() {
    Map<String, Set<String>> graph = imports();
    List<String> cycles = new ArrayList<>();
    for (String start : graph.keySet()) {
      List<String> path = cycleFrom(start, start, graph, new ArrayList<>(), new TreeSet<>());
      if (path != null) cycles.add(String.join(" -> ", path.stream().map(p -> name(p)).toList()));
    }
    assertThat(cycles).isEmpty();
  }

  /** A path from {@code at} back to {@code start}, or null. */
  private static List<String> cycleFrom(
      String start,
      String at,
      Map<String, Set<String>> graph,
      List<String> path,
      Set<String> seen) {
    path.add(at);
    for (String next : graph.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        path.add(start);
        return path;
      }
      if (seen.add(next)) {
        List<String> found = cycleFrom(start, next, graph, path, seen);
        if (found != null) return found;
      }
    }
    path.remove(path.size() - 1);
    return null;
  }

  /** Package to the other toolkit packages its code names. */
  private static Map<String, Set<String>> imports() {
    Map<String, Set<String>> out = new TreeMap<>();
    CODE.forEach(
        (pkg, files) -> {
          Set<String> deps = out.computeIfAbsent(pkg, k -> new TreeSet<>());
          for (String code : files) {
            Matcher m = TOKBENCH.matcher(code);
            while (m.find()) {
              String dep = m.group(1).isEmpty() ? "" : m.group(1).substring(1);
              if (!dep.equals(pkg)) deps.add(dep);
            }
          }
        });
    return out;
  }

  /** The top-level packages that {@code top} and its sub-packages import. */
  private static Set<String> dependenciesOf(String top) {
    Set<String> out = new TreeSet<>();
    imports()
        .forEach(
            (pkg, deps) ->
                deps.forEach(
                    d -> {
                      if (top(pkg).equals(top)) out.add(top(d));
                    }));
    return out;
  }

  private static boolean same(String pkg, String dep) {
    return !top(pkg).isEmpty() && top(pkg).equals(top(dep));
  }

  private static String top(String pkg) {
    int dot = pkg.indexOf('.');
    return dot < 0 ? pkg : pkg.substring(0, dot);
  }

  private static String name(String pkg) {
    return pkg.isEmpty() ? "dev.tokbench" : pkg;
  }

  /** The source without comments, string and character literals. */
  static String code(String source) {
    return LITERALS_AND_COMMENTS.matcher(source).replaceAll(" ");
  }

  // one pass, so that "//" inside a string and a quote inside a comment are what they are
  private static final Pattern LITERALS_AND_COMMENTS =
      Pattern.compile(
          "(?s)\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\n])*\"|'(?:\\\\.|[^'\\\\\n])+'"
              + "|//[^\n]*|/\\*.*?\\*/");
}
