package dev.tokbench.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.JsonFiles;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import dev.tokbench.sweep.SweepPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The local files a point of a sweep file needs on a target: the sweep file itself, and every
 * relative path among the point's axis values and the text values of its {@code run} block (with
 * {@code ${axis}} filled in) that names a file beside the sweep file, such as {@code
 * models/llama-3.2-1b-Q4_K_M.gguf} or {@code bin/llama-bench}. They go to the same relative places
 * in the sweep's folder on the target, so the file reads the same there. Absolute paths name what
 * the target has already (its own llama.cpp build, a model on its disk).
 */
final class SweepInputs {
  private final Path file;
  private final Path base;
  private final JsonNode run;
  private final String folder;

  private SweepInputs(Path file, JsonNode root) {
    this.file = file.toAbsolutePath().normalize();
    this.base = this.file.getParent();
    this.run = root.path("run");
    String name = root.path("name").asText(file.getFileName().toString());
    this.folder =
        "sweeps/"
            + name.replaceAll("[^A-Za-z0-9._-]", "_")
            + "-"
            + Checksums.of(file).substring(0, 8);
  }

  /** The sweep file's inputs; read within {@link ReadLimits#SWEEP}, as the sweep's reader does. */
  static SweepInputs of(Path sweepFile) {
    boolean json = sweepFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    ReadLimits limits = ReadLimits.SWEEP;
    ObjectMapper m = json ? JsonInput.mapper(limits) : new ObjectMapper(JsonInput.yaml(limits));
    String format = json ? "valid JSON" : "valid YAML";
    return new SweepInputs(
        sweepFile, JsonFiles.object(sweepFile, m, limits, format, "must be a map (a sweep)"));
  }

  /** The sweep's folder on a target, relative to the workdir. */
  String folder() {
    return folder;
  }

  /** The sweep file's name in that folder. */
  String fileName() {
    return file.getFileName().toString();
  }

  /** The sweep's run.framework, for failed rows' identity. */
  String framework() {
    return run.path("framework").asText("unknown");
  }

  /** The files {@code point} needs, added to a shipment. */
  Shipment addTo(Shipment s, SweepPoint point) {
    s.add(file, folder + "/" + fileName());
    List<String> texts = new ArrayList<>(point.values().values());
    collect(run, point, texts);
    for (String t : texts) {
      if (t.isEmpty() || t.startsWith("/") || t.startsWith("~")) continue;
      Path rel;
      try {
        rel = Path.of(t).normalize();
      } catch (IllegalArgumentException e) {
        continue; // not a path (a NUL in it): an argument, not a file
      }
      if (rel.startsWith("..")) continue;
      Path local = base.resolve(rel);
      if (Files.isRegularFile(local))
        s.add(local, folder + "/" + rel.toString().replace('\\', '/'));
    }
    return s;
  }

  private static void collect(JsonNode n, SweepPoint point, List<String> out) {
    if (n.isTextual()) {
      try {
        out.add(point.fill(n.asText()));
      } catch (IllegalArgumentException e) {
        // names an axis this sweep lacks: the sweep file's reader reports it
      }
    }
    n.forEach(c -> collect(c, point, out));
  }
}
