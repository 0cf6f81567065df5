package dev.tokbench.notebook;

/** Thrown where a cell called {@code System.exit}: the cell fails, the notebook's JVM lives on. */
public final class CellExitException extends RuntimeException {
  private final int status;

  public CellExitException(int status) {
    super("System.exit(" + status + ") was called in a cell; the notebook's JVM keeps running");
    this.status = status;
  }

  public int status() {
    return status;
  }
}
