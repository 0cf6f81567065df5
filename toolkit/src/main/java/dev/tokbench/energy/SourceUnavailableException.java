package dev.tokbench.energy;

/**
 * A source that cannot be used here, with why: {@code no NVML: libnvidia-ml.so.1 not found}. The
 * probe records the reason and tries the next source.
 */
public class SourceUnavailableException extends RuntimeException {
  public SourceUnavailableException(String message) {
    super(message);
  }

  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
