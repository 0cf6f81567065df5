package dev.tokbench;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Small text files read when present: the system's description files ({@code /proc/cpuinfo}, {@code
 * /etc/nv_tegra_release}) and a checkout's version files, where an absent or unreadable file is an
 * answer ("not a Jetson", "version unknown"), not an error.
 */
public final class TextFiles {
  private TextFiles() {}

  /** The text of {@code file}, or empty when it is absent, not a file or cannot be read. */
  public static Optional<String> readIfPresent(Path file, Charset charset) {
    try {
      return Files.isRegularFile(file) && Files.isReadable(file)
          ? Optional.of(Files.readString(file, charset))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
