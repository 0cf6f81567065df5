package dev.tokbench.energy;

/**
 * One source the probe tried.
 *
 * @param source its name
 * @param available whether it opened
 * @param detail what it found, or why it cannot be used ({@code no NVML: ...})
 */
public record Attempt(String source, boolean available, String detail) {
  @Override
  public String toString() {
    return source + ": " + (available ? "available, " : "") + detail;
  }
}
