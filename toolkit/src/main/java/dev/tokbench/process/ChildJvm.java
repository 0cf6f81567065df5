package dev.tokbench.process;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of a child JVM that runs code of this one: the same {@code java}, the same class
 * path, and this JVM's options (heap, system properties, module flags) passed on, so the child
 * behaves as this JVM would, but in a process of its own that can die alone. Agents (a debugger, a
 * profiler) and class-data archiving stay with this JVM: they bind a port or write a file that the
 * child would fight over.
 */
public final class ChildJvm {
  private static final List<String> KEPT_BACK =
      List.of(
          "-agentlib:",
          "-agentpath:",
          "-javaagent:",
          "-Xrun",
          "-Xdebug",
          "-XX:ArchiveClassesAtExit",
          "-XX:DumpLoadedClassList",
          "-Xshare:dump");

  private ChildJvm() {}

  /**
   * {@code java OPTIONS... -cp CLASSPATH}: {@code first} options before this JVM's (so that a
   * user's own options win), the class path this JVM's plus where {@code needed}' classes came from
   * (a notebook or an IDE may not list them in {@code java.class.path}). The main class and its
   * arguments follow.
   */
  public static List<String> command(List<String> first, Class<?>... needed) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(first);
    cmd.addAll(options());
    cmd.addAll(List.of("-cp", classPath(needed)));
    return cmd;
  }

  /** This JVM's {@code java}: the launcher it was started with, else {@code java.home}'s. */
  static String java() {
    String started = ProcessHandle.current().info().command().orElse("");
    if (Path.of(started).getFileName() != null
        && Path.of(started).getFileName().toString().startsWith("java")) return started;
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** This JVM's options, less those kept back. */
  static List<String> options() {
    List<String> out = new ArrayList<>();
    List<String> given;
    try {
      given = ManagementFactory.getRuntimeMXBean().getInputArguments();
    } catch (LinkageError e) {
      return out; // a runtime without java.management: the child gets java's defaults
    }
    for (String o : given) {
      if (KEPT_BACK.stream().noneMatch(o::startsWith)) out.add(o);
    }
    return out;
  }

  static String classPath(Class<?>... needed) {
    Set<String> entries = new LinkedHashSet<>();
    for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!e.isBlank()) entries.add(e);
    }
    for (Class<?> c : needed) {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      if (source == null) continue;
      try {
        entries.add(Path.of(source.getLocation().toURI()).toString());
      } catch (URISyntaxException | IllegalArgumentException e) {
        // not a file (a jar inside a jar): java.class.path must have it
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
