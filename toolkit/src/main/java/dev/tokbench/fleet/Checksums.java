package dev.tokbench.fleet;

import dev.tokbench.FileReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of local files, remembered by path, size and modification time, so a 4 GB model is read
 * once per run however many targets and points need it.
 */
final class Checksums {
  private record Key(Path path, long size, long modified) {}

  private static final Map<Key, String> KNOWN = new ConcurrentHashMap<>();

  private Checksums() {}

  /** The file's SHA-256 as 64 hex digits, as {@code sha256sum} prints it. */
  static String of(Path file) {
    try {
      Path real = file.toRealPath();
      Key k = new Key(real, Files.size(real), Files.getLastModifiedTime(real).toMillis());
      return KNOWN.computeIfAbsent(k, key -> digest(key.path()));
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
  }

  /** The SHA-256 of some text (a list of checksums), as hex. */
  static String ofText(String text) {
    return HexFormat.of()
        .formatHex(sha256().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static String digest(Path file) {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) md.update(buf, 0, n);
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
