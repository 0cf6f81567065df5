package dev.tokbench.report;

import java.nio.file.Path;

/**
 * A file of a data folder's {@code runs/} whose rows are not read as rows of their own, and why:
 * the same content as another file, already imported into a results file beside it, or another
 * stream of a run read from its other file (a tinygrad log's {@code .stdout}, llama-bench's {@code
 * -oe md} beside its JSON) or that run's record ({@code .meta.json}, {@code env.txt}).
 *
 * @param file the file, relative to the data folder
 * @param rows how many rows it holds that are therefore left out (0 for a record)
 * @param reason why
 * @param companion true for another stream or the record of a run read elsewhere
 */
public record SkippedFile(Path file, int rows, String reason, boolean companion) {
  @Override
  public String toString() {
    return file + ": " + reason;
  }
}
