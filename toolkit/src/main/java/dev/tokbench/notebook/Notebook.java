package dev.tokbench.notebook;

import dev.tokbench.ThreadBindings;
import java.nio.file.Path;

/**
 * What a cell may ask about the notebook it runs in. The runner evaluates many notebooks in one
 * JVM, so the process's working directory is not the notebook's: cells resolve their files with
 * {@code Notebook.path("../data/...")}, which works the same under the runner, the kernel (whose
 * working directory is the notebook's) and plain JShell.
 */
public final class Notebook {
  private static final InheritableThreadLocal<Path> DIR = new InheritableThreadLocal<>();

  private Notebook() {}

  /** The directory of the running notebook; the working directory outside one. */
  public static Path dir() {
    Path dir = DIR.get();
    return dir == null ? Path.of("").toAbsolutePath() : dir;
  }

  /** A path relative to the notebook's directory, normalised. */
  public static Path path(String first, String... more) {
    return dir().resolve(Path.of(first, more)).normalize();
  }

  /** Binds the notebook directory to this thread and threads it starts; returns the previous. */
  static Path bind(Path dir) {
    return ThreadBindings.rebind(DIR, dir);
  }
}
