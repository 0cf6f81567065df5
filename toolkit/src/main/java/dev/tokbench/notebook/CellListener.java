package dev.tokbench.notebook;

import dev.tokbench.display.MimeBundle;

/**
 * Receives a cell's output while it runs: text as it is written (whole lines, or what was flushed)
 * and values shown with {@code display(x)}. Called on the cell's threads; implementations must be
 * thread-safe if a cell starts threads of its own.
 */
public interface CellListener {
  /** A listener that drops everything. */
  CellListener NONE = new CellListener() {};

  default void stdout(String text) {}

  default void stderr(String text) {}

  default void display(MimeBundle bundle) {}

  /** A listener that treats both streams alike, by the name Jupyter gives them. */
  interface ByStream extends CellListener {
    /** Text written to the stream {@code stdout} or {@code stderr}. */
    void stream(String name, String text);

    @Override
    default void stdout(String text) {
      stream("stdout", text);
    }

    @Override
    default void stderr(String text) {
      stream("stderr", text);
    }
  }
}
