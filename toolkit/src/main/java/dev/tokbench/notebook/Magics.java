package dev.tokbench.notebook;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line magics an evaluator understands: {@code %jars} and {@code %classpath} (paths or globs
 * such as {@code lib/*.jar}, relative to the notebook's directory) and {@code %load file.jsh}, as
 * IJava has them. The kernel (and {@code tokbench notebook run}) registers more: {@code %maven},
 * {@code %time}.
 */
public final class Magics {
  /**
   * Notebooks start with {@code %jars ../toolkit/target/tokbench-toolkit-...-all.jar} so they also
   * run under IJava; here the toolkit is already loaded, and a second copy of its classes in the
   * cells' class loader would make {@code instanceof} fail between cell and toolkit objects, so the
   * line is skipped (even before the jar is built, as in {@code mvn verify}).
   */
  static final java.util.regex.Pattern TOOLKIT_JAR =
      java.util.regex.Pattern.compile("tokbench-toolkit-[^/]*\\.jar");

  private final Map<String, LineMagic> byName = new TreeMap<>();

  Magics() {
    register("jars", (ev, args, out) -> addAll(ev, args, true));
    register("classpath", (ev, args, out) -> addAll(ev, args, false));
    register("load", Magics::load);
  }

  /** Registers (or replaces) a line magic under its name, without the {@code %}. */
  public Magics register(String name, LineMagic magic) {
    if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("not a magic name: '" + name + "'");
    }
    byName.put(name, magic);
    return this;
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The magic of that name; a {@link MagicException} listing the known ones if there is none. */
  public LineMagic get(String name) {
    LineMagic magic = byName.get(name);
    if (magic == null) {
      throw new MagicException(
          "unknown line magic %" + name + "; known: %" + String.join(", %", names()));
    }
    return magic;
  }

  private static Object addAll(Evaluator ev, String args, boolean jarsOnly) throws IOException {
    if (args.isBlank()) {
      throw new MagicException(
          "%" + (jarsOnly ? "jars" : "classpath") + " needs at least one path");
    }
    for (String arg : args.trim().split("\\s+")) {
      if (TOOLKIT_JAR.matcher(Path.of(arg).getFileName().toString()).matches()) {
        continue; // the evaluator runs in the toolkit: loading it twice would break instanceof
      }
      for (Path p : expand(ev.workingDirectory(), arg)) {
        if (jarsOnly && !Files.isRegularFile(p)) {
          throw new MagicException("%jars: " + p + " is not a file");
        }
        ev.addToClasspath(p);
      }
    }
    return null;
  }

  /** A path, or the files a glob in its last element matches; a {@link MagicException} if none. */
  static List<Path> expand(Path base, String arg) throws IOException {
    Path path = base.resolve(arg).normalize();
    String last = path.getFileName() == null ? "" : path.getFileName().toString();
    if (!last.contains("*") && !last.contains("?")) {
      if (!Files.exists(path)) {
        throw new MagicException("no such file: " + path + " (from '" + arg + "')");
      }
      return List.of(path);
    }
    List<Path> matches = new ArrayList<>();
    Path dir = path.getParent();
    if (dir != null && Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, last)) {
        files.forEach(matches::add);
      }
    }
    if (matches.isEmpty()) {
      throw new MagicException("nothing matches " + path + " (from '" + arg + "')");
    }
    matches.sort(null);
    return matches;
  }

  private static Object load(Evaluator ev, String args, CellListener out) throws IOException {
    List<Path> files = expand(ev.workingDirectory(), args.trim());
    for (Path file : files) {
      CellResult result = ev.evalCode(Files.readString(file), out);
      if (!result.ok()) {
        throw new MagicException("%load " + file + ": " + result.error().orElseThrow());
      }
    }
    return null;
  }
}
