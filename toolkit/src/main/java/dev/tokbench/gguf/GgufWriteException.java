package dev.tokbench.gguf;

import dev.tokbench.BadInputException;
import java.nio.file.Path;

/**
 * A GGUF file that cannot be written: an impossible tensor shape, a bad metadata value, a target
 * folder that is missing or read-only, a full disk. Nothing is left under the target name when this
 * is thrown. The message names the file and what was wrong.
 */
public class GgufWriteException extends BadInputException {
  private final Path path;

  public GgufWriteException(Path path, String problem) {
    super((path == null ? "" : path + ": ") + problem);
    this.path = path;
  }

  public GgufWriteException(Path path, String problem, Throwable cause) {
    super((path == null ? "" : path + ": ") + problem, cause);
    this.path = path;
  }

  /** The file that was to be written; null when the problem was found before a path was given. */
  public Path path() {
    return path;
  }
}
