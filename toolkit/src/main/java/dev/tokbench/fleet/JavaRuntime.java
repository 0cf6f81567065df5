package dev.tokbench.fleet;

import dev.tokbench.process.Launcher;
import dev.tokbench.process.OutputListener;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A Java runtime a fleet ships to targets that have none, as one {@code .tar.gz} (a folder with
 * {@code bin/java} at its top): sent once by its checksum like the jars, unpacked under {@code
 * WORKDIR/runtime/HASH/} and then the {@code java} the target's points run.
 *
 * <p>{@link #jlink()} makes one for this machine's platform from the running JDK's jmods (about 40
 * MB unpacked, 24 MB packed, for Java 17): once per Java version and module list, kept in the cache
 * folder. A runtime for another platform (an aarch64 Jetson) is made there, or with that platform's
 * jmods, and named as a folder or archive.
 *
 * @param archive the packed runtime
 */
public record JavaRuntime(Path archive) {
  /**
   * What the measurement side loads (checked by running a fleet point and {@code gguf inspect}
   * under it): JDBC types Jackson refers to, JNDI and JMX for logging and the process counters, the
   * HTTP client for serving benchmarks, Unsafe for JNA, zip file systems and EC crypto for TLS.
   */
  public static final List<String> MODULES =
      List.of(
          "java.base",
          "java.sql",
          "java.naming",
          "java.net.http",
          "java.management",
          "jdk.unsupported",
          "jdk.zipfs",
          "jdk.crypto.ec");

  private static final Duration JLINK_TIMEOUT = Duration.ofMinutes(10);

  /** The fleet file's {@code runtime:} value: {@code jlink}, a runtime folder or a .tar.gz. */
  public static JavaRuntime of(String spec) {
    if (spec.equals("jlink")) return jlink();
    Path p = Path.of(spec);
    if (Files.isDirectory(p)) {
      if (!Files.isRegularFile(p.resolve("bin/java"))) {
        throw new IllegalArgumentException("runtime folder " + p + " has no bin/java");
      }
      return new JavaRuntime(
          pack(
              p,
              cache()
                  .resolve(
                      "folder-"
                          + Checksums.ofText(p.toAbsolutePath().toString()).substring(0, 12)
                          + ".tar.gz")));
    }
    if (Files.isRegularFile(p) && isArchive(p)) return new JavaRuntime(p);
    throw new IllegalArgumentException(
        "runtime '" + spec + "' is neither 'jlink' nor a folder with bin/java nor a .tar.gz");
  }

  static boolean isArchive(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".tar.gz") || n.endsWith(".tgz");
  }

  /** A runtime of {@link #MODULES} from the running JDK, made once into the cache folder. */
  public static JavaRuntime jlink() {
    return jlink(cache(), Path.of(System.getProperty("java.home")));
  }

  /** As {@link #jlink()}, made from the JDK at {@code javaHome} into {@code cache}. */
  static JavaRuntime jlink(Path cache, Path javaHome) {
    Path jlink = javaHome.resolve("bin/jlink");
    Path jmods = javaHome.resolve("jmods");
    if (!Files.isExecutable(jlink) || !Files.isDirectory(jmods)) {
      throw new IllegalStateException(
          "runtime: jlink needs a JDK with bin/jlink and jmods/, but "
              + javaHome
              + " has "
              + (Files.isExecutable(jlink) ? "no " + jmods : "no " + jlink)
              + " (a JRE?); run tokbench with a full JDK (Debian: openjdk-17-jdk and"
              + " openjdk-17-jmods) or name a runtime folder");
    }
    String version = System.getProperty("java.runtime.version");
    String key =
        Checksums.ofText(javaHome.toAbsolutePath() + "\n" + version + "\n" + MODULES)
            .substring(0, 16);
    Path archive =
        cache.resolve(
            "jlink-" + version.replaceAll("[^A-Za-z0-9.+_-]", "_") + "-" + key + ".tar.gz");
    if (Files.isRegularFile(archive)) return new JavaRuntime(archive);
    Path out = cache.resolve("jlink-" + key + ".part-" + ProcessHandle.current().pid());
    try {
      deleteTree(out);
      run(
          List.of(
              jlink.toString(),
              "--add-modules",
              String.join(",", MODULES),
              "--compress=2",
              "--strip-debug",
              "--no-header-files",
              "--no-man-pages",
              "--output",
              out.toString()),
          "jlink");
      return new JavaRuntime(pack(out, archive));
    } finally {
      deleteTree(out);
    }
  }

  /**
   * Packs a runtime folder with names sorted, times and owners fixed, so the same runtime always
   * makes the same bytes (one checksum: sent once).
   */
  private static Path pack(Path folder, Path archive) {
    try {
      Files.createDirectories(archive.getParent());
      Path part =
          archive.resolveSibling(archive.getFileName() + ".part-" + ProcessHandle.current().pid());
      run(
          List.of(
              "tar",
              "--sort=name",
              "--mtime=@0",
              "--owner=0",
              "--group=0",
              "--numeric-owner",
              "-czf",
              part.toString(),
              "-C",
              folder.toString(),
              "."),
          "packing " + folder);
      return Files.move(part, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack the runtime " + folder + " as " + archive, e);
    }
  }

  private static void run(List<String> command, String doing) {
    ProcessOutcome o =
        Launcher.run(
            ProcessSpec.of(command).withTimeout(JLINK_TIMEOUT), (OutputListener) line -> {});
    if (!o.succeeded()) {
      throw new IllegalStateException(doing + " failed: " + o.failureReason());
    }
  }

  /** {@code $XDG_CACHE_HOME/tokbench/runtime}, or {@code ~/.cache/tokbench/runtime}. */
  static Path cache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("tokbench/runtime");
  }

  /** Its checksum's start: the folder it lives in on every target. */
  String hash() {
    return Checksums.of(archive).substring(0, 16);
  }

  /** Where it is unpacked, relative to the workdir. */
  String folder() {
    return "runtime/" + hash();
  }

  /** Its java, from a sweep's folder ({@code WORKDIR/sweeps/S}) where points start. */
  String javaFromSweep() {
    return "../../" + folder() + "/bin/java";
  }

  private static void deleteTree(Path p) {
    if (!Files.exists(p)) return;
    try (var s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
  }
}
