package dev.tokbench.formats.tinygrad;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and how a harness line was measured, under the names the launcher's rows use: the tinygrad
 * checkout (version, commit, whether the harness was tested on it), the host, the model file and
 * the BEAM cache as it was before the run and after the test.
 */
final class HarnessProvenance {
  private HarnessProvenance() {}

  static Map<String, String> of(HarnessLine l, Map<String, String> given) {
    Map<String, String> p = new LinkedHashMap<>(given);
    Map<String, String> tg = l.object("tinygrad");
    put(p, "tinygrad_version", tg.get("version"));
    put(p, "tinygrad_commit", tg.get("commit"));
    put(p, "tinygrad_commit_source", tg.get("commit_source"));
    put(p, "tinygrad_checkout", tg.get("checkout"));
    put(p, "tinygrad_imported_from", tg.get("imported_from"));
    put(p, "tinygrad_tested", tg.get("tested"));
    put(p, "harness", l.text("schema"));
    put(p, "harness_host", l.text("host", ""));
    put(p, "python_version", l.text("python", ""));
    put(p, "harness_time", l.text("time", ""));
    put(p, "tinygrad_device", l.text("device", ""));
    Map<String, String> model = l.object("model");
    put(p, "model_path", model.get("path"));
    put(p, "model_file_bytes", model.get("bytes"));
    beamCache(p, l.object("beam_cache"));
    return p;
  }

  /** The launcher's {@code beam_cache} entry ("path (N bytes)" or "path (absent)") and more. */
  private static void beamCache(Map<String, String> p, Map<String, String> cache) {
    String path = cache.get("path");
    if (path == null) return;
    boolean existed = "true".equals(cache.get("existed_before"));
    p.put(
        "beam_cache",
        path + (existed ? " (" + cache.get("bytes_before") + " bytes)" : " (absent)"));
    put(p, "beam_cache_bytes_after", cache.get("bytes_after"));
    put(p, "beam_cache_path_tinygrad", cache.get("path_tinygrad"));
  }

  private static void put(Map<String, String> p, String key, String value) {
    if (value != null && !value.isEmpty()) p.put(key, value);
  }
}
