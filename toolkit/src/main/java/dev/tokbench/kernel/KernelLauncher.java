package dev.tokbench.kernel;

import java.nio.file.Path;
import java.util.function.Supplier;

/** What Jupyter runs: start a kernel for one connection file and serve until shut down. */
public final class KernelLauncher {
  private KernelLauncher() {}

  /** Serves the connection in {@code connectionFile} with JShell until a shutdown request. */
  public static int serve(Path connectionFile) throws InterruptedException {
    return serve(connectionFile, JShellCellEngine::new);
  }

  /** Serves the connection in {@code connectionFile} until a shutdown request; returns 0. */
  public static int serve(Path connectionFile, Supplier<CellEngine> engines)
      throws InterruptedException {
    ConnectionFile connection = ConnectionFile.read(connectionFile);
    try (JavaKernel kernel = JavaKernel.start(connection, engines, KernelLauncher::log)) {
      kernel.awaitShutdown();
    }
    return 0;
  }

  private static void log(String line) {
    // Jupyter shows a kernel's stderr in its own log, which is where diagnostics belong
    System.err.println("[tokbench kernel] " + line);
  }
}
