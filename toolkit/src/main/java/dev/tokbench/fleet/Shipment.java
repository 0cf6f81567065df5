package dev.tokbench.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Files a target needs, sent once each: under {@code WORKDIR/blobs/} by their SHA-256 (a copy is
 * checked with {@code sha256sum} before it takes its name, so a name present is a file verified),
 * then linked where the remote side looks for them. A model two sweeps use is sent once; one
 * already there is not sent again.
 */
final class Shipment {
  private final Map<String, Path> files = new LinkedHashMap<>();

  /** Adds a file, to appear at {@code remote} (relative to the workdir). */
  Shipment add(Path local, String remote) {
    files.put(remote, local);
    return this;
  }

  /** The files, remote path to local file. */
  Map<String, Path> files() {
    return Map.copyOf(files);
  }

  /**
   * As {@link #ensure(Target)}, leaving out the files {@code placed} (remote path and checksum)
   * says are in place already, and adding those it places: a target's run of a sweep sends and
   * links each file once, not once per point.
   */
  long ensure(Target t, Set<String> placed) {
    files.entrySet().removeIf(e -> placed.contains(e.getKey() + "=" + Checksums.of(e.getValue())));
    if (files.isEmpty()) return 0;
    long sent = ensure(t);
    files.forEach((remote, local) -> placed.add(remote + "=" + Checksums.of(local)));
    return sent;
  }

  /** Sends what is missing, verifies it, and links every file in place; returns bytes sent. */
  long ensure(Target t) {
    String w = Shell.quote(t.workdir());
    Map<String, Path> byHash = new LinkedHashMap<>();
    files.values().forEach(p -> byHash.put(Checksums.of(p), p));
    List<String> missing = missing(t, w, byHash.keySet());
    long sent = missing.isEmpty() ? 0 : send(t, missing, byHash);
    if (!missing.isEmpty()) verify(t, w, missing);
    link(t, w);
    return sent;
  }

  /**
   * Sends the missing files in one copy (one connection, not one per file): a local folder of links
   * named {@code .part-HASH}, copied with the links followed.
   */
  private static long send(Target t, List<String> missing, Map<String, Path> byHash) {
    Path stage = null;
    try {
      stage = Files.createTempDirectory("tokbench-ship-");
      long bytes = 0;
      for (String h : missing) {
        Path local = byHash.get(h).toAbsolutePath();
        Files.createSymbolicLink(stage.resolve(".part-" + h), local);
        bytes += Files.size(local);
      }
      var o =
          Remote.tryRun(
              t.shell().copyFolder(stage, t.workdir() + "/blobs").withTimeout(Remote.COPY));
      if (!o.outcome().succeeded()) {
        throw Remote.failed(t, "copying " + missing.size() + " files", o.outcome());
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage files to send to " + t.name(), e);
    } finally {
      deleteQuietly(stage);
    }
  }

  private static void deleteQuietly(Path stage) {
    if (stage == null) return;
    try (var files = Files.list(stage)) {
      for (Path f : files.toList()) Files.deleteIfExists(f);
      Files.deleteIfExists(stage);
    } catch (IOException e) {
      // a temporary folder of links: nothing lost if it stays
    }
  }

  private static List<String> missing(Target t, String w, Set<String> hashes) {
    String script =
        "mkdir -p "
            + w
            + "/blobs && cd "
            + w
            + "/blobs && for h in "
            + String.join(" ", hashes)
            + "; do [ -f \"$h\" ] || echo \"$h\"; done";
    return Remote.run(t, script, "checking files in " + t.workdir());
  }

  /** Each copy takes its name only when its checksum is right. */
  private static void verify(Target t, String w, List<String> hashes) {
    StringBuilder s = new StringBuilder("cd " + w + "/blobs");
    for (String h : hashes) {
      s.append(" && echo '")
          .append(h)
          .append("  .part-")
          .append(h)
          .append("' | sha256sum -c --quiet");
      s.append(" && mv -f .part-").append(h).append(' ').append(h);
    }
    Remote.run(t, s.toString(), "verifying copied files (sha256sum)");
  }

  private void link(Target t, String w) {
    Set<String> dirs = new TreeSet<>();
    List<String> links = new ArrayList<>();
    files.forEach(
        (remote, local) -> {
          int slash = remote.lastIndexOf('/');
          if (slash > 0) dirs.add(Shell.quote(remote.substring(0, slash)));
          links.add("ln -sfn \"$PWD/blobs/" + Checksums.of(local) + "\" " + Shell.quote(remote));
        });
    String script =
        "cd "
            + w
            + (dirs.isEmpty() ? "" : " && mkdir -p " + String.join(" ", dirs))
            + " && "
            + String.join(" && ", links);
    Remote.run(t, script, "linking files in " + t.workdir());
  }
}
