package dev.tokbench.run.tinygrad;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The copy of {@code scripts/tinygrad_bench.py} inside tokbench's jar, so that a run needs only the
 * jar: Python is given a file named by the script's content in a folder of the temporary directory,
 * written once and checked before every run.
 */
final class HarnessScript {
  static final String RESOURCE = "tinygrad_bench.py";

  private HarnessScript() {}

  /** Where the copy inside tokbench is (or will be) written. */
  static Path bundled() {
    byte[] script = bytes();
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "tokbench-" + user);
    return dir.resolve("tinygrad_bench-" + sha256(script).substring(0, 12) + ".py");
  }

  /**
   * Writes the copy inside tokbench to {@code path} unless the file there already holds it (a file
   * written by someone else with other content is replaced).
   */
  static void install(Path path) {
    byte[] script = bytes();
    try {
      if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), script)) return;
      Files.createDirectories(path.getParent());
      Path tmp = Files.createTempFile(path.getParent(), "tinygrad_bench", ".tmp");
      Files.write(tmp, script);
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the tinygrad harness to " + path, e);
    }
  }

  private static byte[] bytes() {
    try (InputStream in = HarnessScript.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing from tokbench's jar: it is built from scripts/" + RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + " from tokbench's jar", e);
    }
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
