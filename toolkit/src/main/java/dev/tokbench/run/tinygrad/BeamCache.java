package dev.tokbench.run.tinygrad;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * tinygrad's on-disk cache, where BEAM search results are kept: {@code CACHEDB}, else {@code
 * $XDG_CACHE_HOME/tinygrad/cache.db}, else {@code ~/.cache/tinygrad/cache.db} ({@code
 * ~/Library/Caches} on macOS), as in tinygrad's {@code helpers.py}. A warm cache is why a second
 * BEAM run is fast (the report's 7.6 vs 36.7 tok/s); only its existence and size are recorded, not
 * whether it holds entries for this model.
 *
 * @param path where the cache is or would be
 * @param exists whether it existed before the run
 * @param bytes its size, 0 when absent
 */
record BeamCache(Path path, boolean exists, long bytes) {
  /** The cache this run would use, given the variables it sets on top of the inherited ones. */
  public static BeamCache locate(Map<String, String> runEnv) {
    Path p = path(runEnv);
    try {
      boolean exists = Files.isRegularFile(p);
      return new BeamCache(p, exists, exists ? Files.size(p) : 0);
    } catch (IOException e) {
      return new BeamCache(p, false, 0);
    }
  }

  private static Path path(Map<String, String> runEnv) {
    String db = var(runEnv, "CACHEDB");
    if (db != null) return Path.of(db);
    String xdg = var(runEnv, "XDG_CACHE_HOME");
    String home = System.getProperty("user.home");
    boolean mac =
        System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
    Path base =
        xdg != null
            ? Path.of(xdg)
            : mac ? Path.of(home, "Library", "Caches") : Path.of(home, ".cache");
    return base.resolve("tinygrad").resolve("cache.db");
  }

  private static String var(Map<String, String> runEnv, String name) {
    String v = runEnv.containsKey(name) ? runEnv.get(name) : System.getenv(name);
    return v == null || v.isBlank() ? null : v;
  }
}
