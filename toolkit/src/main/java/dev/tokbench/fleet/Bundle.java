package dev.tokbench.fleet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tokbench a target runs: the jars of this one's class path that the measurement side needs
 * (the shaded jar, or the toolkit's classes and Jackson, commons-csv, JNA and the embedded
 * llama.cpp), shipped under {@code WORKDIR/bundle/HASH/lib/}, so a remote side runs exactly this
 * build and a new build is a new folder. A class folder (a development checkout) is sent as a jar.
 *
 * @param jars the files to send
 */
public record Bundle(List<Path> jars) {
  /**
   * The jars a remote measurement loads: the toolkit's own (or the shaded jar), Jackson with
   * SnakeYAML, commons-csv, JNA and the embedded llama.cpp. Listed, rather than the rest left out,
   * so that a new notebook-side dependency is never shipped by mistake.
   */
  private static final Pattern NEEDED =
      Pattern.compile("^(tokbench|jackson-|snakeyaml-|commons-csv-|jna-|llama-)");

  public Bundle {
    jars = List.copyOf(jars);
    if (jars.isEmpty()) throw new IllegalArgumentException("a bundle needs a jar");
  }

  /** The jars of this JVM's class path that a remote measurement loads. */
  public static Bundle current() {
    List<Path> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(e);
      if (Files.isDirectory(p)) {
        if (!p.getFileName().toString().equals("test-classes")) out.add(jarOf(p));
      } else if (Files.isRegularFile(p) && NEEDED.matcher(p.getFileName().toString()).find()) {
        out.add(p);
      }
    }
    return new Bundle(out);
  }

  /** One hash for the whole bundle: the folder it lives in on every target. */
  public String hash() {
    StringBuilder s = new StringBuilder();
    jars.forEach(j -> s.append(Checksums.of(j)).append('\n'));
    return Checksums.ofText(s.toString()).substring(0, 16);
  }

  /** Where it lives on a target, relative to the workdir. */
  String folder() {
    return "bundle/" + hash();
  }

  /** Adds its jars to a shipment. */
  Shipment addTo(Shipment s) {
    for (int i = 0; i < jars.size(); i++) {
      s.add(jars.get(i), folder() + "/lib/" + i + "-" + jars.get(i).getFileName());
    }
    return s;
  }

  /**
   * A class folder as a jar in the temporary folder, its entries in name order with a fixed time,
   * so the same classes always make the same bytes (and the same checksum: sent once).
   */
  static Path jarOf(Path classes) {
    try {
      Path jar = Files.createTempFile("tokbench-classes-", ".jar");
      jar.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream j = new JarOutputStream(out);
          Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          JarEntry e = new JarEntry(classes.relativize(f).toString().replace('\\', '/'));
          e.setLastModifiedTime(FileTime.fromMillis(0));
          j.putNextEntry(e);
          Files.copy(f, j);
          j.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack " + classes + " as a jar", e);
    }
  }
}
