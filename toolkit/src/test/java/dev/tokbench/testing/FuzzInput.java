package dev.tokbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One fuzzer input as a reader meets it: the bytes, the same bytes in a file of a chosen name (one
 * file per name and JVM, overwritten by each input, so a campaign creates no litter), or the text
 * they decode to.
 */
public final class FuzzInput {
  private static Path folder;

  private final byte[] bytes;
  private final String fileName;

  private FuzzInput(byte[] bytes, String fileName) {
    this.bytes = bytes;
    this.fileName = fileName;
  }

  /** The input, to be read from a file called {@code fileName} (its extension can matter). */
  public static FuzzInput of(byte[] bytes, String fileName) {
    return new FuzzInput(bytes, fileName);
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The file name every error about this input must quote. */
  public String name() {
    return fileName;
  }

  /** The bytes as UTF-8 text, malformed sequences replaced (for readers that take text). */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The bytes written to the input's file, which is returned. */
  public Path file() {
    try {
      Path f = folder().resolve(fileName);
      Files.write(f, bytes);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The most lines any reader can count in the input: one more than its line ends, each of {@code
   * \n} and {@code \r} counted (readers of tqdm frames end a line at a lone {@code \r}).
   */
  public long lineBound() {
    long ends = 0;
    for (byte b : bytes) if (b == '\n' || b == '\r') ends++;
    return ends + 1;
  }

  private static synchronized Path folder() throws IOException {
    if (folder == null) {
      folder = Files.createTempDirectory("tokbench-fuzz");
      folder.toFile().deleteOnExit();
    }
    return folder;
  }

  @Override
  public String toString() {
    return fileName + " (" + bytes.length + " bytes)";
  }
}
