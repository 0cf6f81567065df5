package dev.tokbench.energy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A streamed source whose readings come from a helper process's stdout, one line at a time. */
abstract class ProcessSource implements StreamedSource {
  private Process process;

  /** Starts the helper; {@code name} words the failure ({@code no nvidia-smi: cannot start}). */
  protected final synchronized void launch(
      String name, List<String> command, Map<String, String> env, Consumer<String> onLine) {
    try {
      process = Programs.stream(command, env, onLine);
    } catch (IOException e) {
      throw new SourceUnavailableException("no " + name + ": cannot start: " + e.getMessage(), e);
    }
  }

  @Override
  public final synchronized void stop() {
    if (process != null) Programs.kill(process);
    process = null;
  }

  @Override
  public final void close() {
    stop();
  }
}
