package dev.tokbench.kernel;

import java.nio.file.Path;
import java.util.function.Supplier;

/** What Jupyter runs: start a kernel for one connection file and serve until shut down. */
public final class KernelLauncher {
  private KernelLauncher() {}

  /**
   * What {@code kernel.json} runs: {@code KernelLauncher CONNECTION_FILE}. It skips the command
   * line's parser, whose tree of subcommands takes about 0.35 s to build on a 2-core machine, a
   * third of the kernel's start-up budget. Exit status 2 for a bad connection file, as the CLI.
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println(
          "usage: java -cp tokbench.jar " + KernelLauncher.class.getName() + " FILE");
      System.exit(2);
    }
    int status;
    try {
      status = serve(Path.of(args[0]));
    } catch (dev.tokbench.BadInputException e) {
      System.err.println("tokbench: " + e.getMessage());
      status = 2;
    }
    System.exit(status);
  }

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
