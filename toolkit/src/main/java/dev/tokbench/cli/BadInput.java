package dev.tokbench.cli;

import dev.tokbench.BadInputException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** Decides which exceptions are the user's bad input (exit 2, message only) rather than a bug. */
final class BadInput {
  private BadInput() {}

  static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadInputException
          || t instanceof IllegalArgumentException
          || t instanceof NoSuchFileException
          || (t instanceof UncheckedIOException && t.getCause() instanceof NoSuchFileException)) {
        return true;
      }
    }
    return false;
  }
}
