package dev.tokbench.notebook;

/**
 * What {@code System.exit(status)} calls inside a cell: cell classes are rewritten as they load
 * (see {@link ExitTrap}) so that exiting throws {@link CellExitException} instead of ending the JVM
 * that hosts the notebook. Public only because cell classes, in another package and class loader,
 * link against it.
 */
public final class CellExit {
  private CellExit() {}

  /** Replaces {@code java.lang.System.exit(int)} in cell code. */
  public static void exit(int status) {
    throw new CellExitException(status);
  }
}
