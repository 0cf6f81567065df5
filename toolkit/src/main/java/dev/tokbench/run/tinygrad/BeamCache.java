package dev.tokbench.run.tinygrad;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * tinygrad's on-disk cache, where BEAM search results are kept, found as its {@code helpers.py}
 * finds it: {@code CACHEDB}, else {@code $XDG_CACHE_HOME/tinygrad/cache.db}, else {@code
 * ~/.cache/tinygrad/cache.db} ({@code ~/Library/Caches} on macOS). A relative path is relative to
 * tinygrad's working directory (the checkout, where the launcher starts it), not the JVM's. A warm
 * cache is why a second BEAM run is fast (the report's 7.6 vs 36.7 tok/s); only its existence and
 * size are recorded, not whether it holds entries for this model.
 *
 * @param path where the cache is or would be, absolute
 * @param exists whether the file existed when this was read
 * @param bytes its size with its write-ahead log ({@code -wal}: tinygrad opens it in WAL mode, so
 *     the main file can stay small until a checkpoint), 0 when absent
 */
record BeamCache(Path path, boolean exists, long bytes) {
  /**
   * The cache a process would use, given the variables it sets on top of the inherited ones and the
   * directory it runs in.
   */
  static BeamCache locate(Map<String, String> runEnv, Path workingDir) {
    return at(path(runEnv, workingDir.toAbsolutePath()));
  }

  /** The cache file at {@code path}, as it is now. */
  static BeamCache at(Path path) {
    return new BeamCache(path, Files.isRegularFile(path), size(path) + size(wal(path)));
  }

  /** The same file, read again (after a run). */
  BeamCache now() {
    return at(path);
  }

  /** "path (N bytes)", or "path (absent)". */
  String describe() {
    return path + (exists ? " (" + bytes + " bytes)" : " (absent)");
  }

  private static Path wal(Path p) {
    return p.resolveSibling(p.getFileName() + "-wal");
  }

  private static long size(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static Path path(Map<String, String> runEnv, Path cwd) {
    // CACHEDB: str = getenv("CACHEDB", os.path.abspath(os.path.join(cache_dir, "cache.db")))
    String db = var(runEnv, "CACHEDB");
    // (used as given: tinygrad expands no "~" in it, and sqlite opens it relative to the cwd)
    if (db != null) return cwd.resolve(db).normalize();
    // cache_dir = os.path.join(getenv("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), ...)
    String xdg = var(runEnv, "XDG_CACHE_HOME");
    boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    Path base =
        xdg != null
            ? cwd.resolve(xdg)
            : Path.of(home(runEnv)).resolve(mac ? "Library/Caches" : ".cache");
    return base.resolve("tinygrad").resolve("cache.db").normalize();
  }

  // os.path.expanduser reads HOME, which the run may set
  private static String home(Map<String, String> runEnv) {
    String home = var(runEnv, "HOME");
    return home != null ? home : System.getProperty("user.home");
  }

  private static String var(Map<String, String> runEnv, String name) {
    String v = runEnv.containsKey(name) ? runEnv.get(name) : System.getenv(name);
    return v == null || v.isBlank() ? null : v;
  }
}
