package dev.tokbench.gguf;

import dev.tokbench.BadInputException;
import java.nio.file.Path;

/**
 * A GGUF file that cannot be read: bad magic, unsupported version, a count or length that runs past
 * the end of the file, an invalid value. The message names the file and the byte offset where the
 * bad field starts; both are also available as accessors.
 */
public class GgufFormatException extends BadInputException {
  private final Path path;
  private final long offset;

  public GgufFormatException(Path path, long offset, String problem) {
    super(path + ": at byte offset " + offset + ": " + problem);
    this.path = path;
    this.offset = offset;
  }

  /** The file that could not be read. */
  public Path path() {
    return path;
  }

  /** The byte offset in the file where the bad field starts. */
  public long offset() {
    return offset;
  }
}
