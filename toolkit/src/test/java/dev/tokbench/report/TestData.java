package dev.tokbench.report;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code data/} folder from the test's working directory. */
public final class TestData {
  private TestData() {}

  /** {@code data/} of this repository. */
  public static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("data/devices.csv"))) return p.resolve("data");
    }
    throw new IllegalStateException("no data/devices.csv above " + Path.of("").toAbsolutePath());
  }

  /** The Jetson Orin report's folder. */
  public static Path orin() {
    return root().resolve("jetson-orin-agx-2025-07-17");
  }

  /** The H100 llama-bench run's folder. */
  public static Path h100() {
    return root().resolve("h100-sxm5-2026-11-25");
  }
}
