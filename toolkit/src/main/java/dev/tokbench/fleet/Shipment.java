package dev.tokbench.fleet;

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

  /** Sends what is missing, verifies it, and links every file in place; returns bytes sent. */
  long ensure(Target t) {
    String w = Shell.quote(t.workdir());
    Map<String, Path> byHash = new LinkedHashMap<>();
    files.values().forEach(p -> byHash.put(Checksums.of(p), p));
    List<String> missing = missing(t, w, byHash.keySet());
    long sent = 0;
    for (String h : missing) {
      Path local = byHash.get(h);
      var o =
          Remote.tryRun(
              t.shell().copy(local, t.workdir() + "/blobs/.part-" + h).withTimeout(Remote.COPY));
      if (!o.outcome().succeeded()) throw Remote.failed(t, "copying " + local, o.outcome());
      sent += local.toFile().length();
    }
    if (!missing.isEmpty()) verify(t, w, missing);
    link(t, w);
    return sent;
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
