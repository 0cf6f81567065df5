package dev.tokbench.report;

import dev.tokbench.testing.RunFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Data folders the tests build from the real fixtures, each with a {@code device.csv}. */
final class Folders {
  static final String H100 = "NVIDIA H100 80GB HBM3";

  private Folders() {}

  /** A folder at {@code dir} whose device is {@code device} and whose runs are {@code files}. */
  static Path of(Path dir, String device, Path... files) {
    try {
      Files.createDirectories(dir.resolve("runs"));
      Files.writeString(
          dir.resolve("device.csv"),
          "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
              + device
              + ",,,catalogue\n");
      for (Path f : files) Files.copy(f, dir.resolve("runs").resolve(f.getFileName()));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture under {@code src/test/resources/run/}. */
  static Path fixture(String relative) {
    return RunFixtures.path(relative);
  }

  /**
   * Every fixture at once: llama-bench's CPU runs in all five formats, the depth and thread sweep,
   * the prompt-only run with its Markdown stderr, the failed run's stdout and stderr, the H100
   * matrix with its Markdown, the H200 matrix and depth runs, the three tinygrad captures with
   * their streams and records, vLLM's and MLC's outputs; and a copy of one file.
   */
  static Path allFixtures(Path dir) {
    Path d = of(dir, H100);
    try {
      copyAll(fixture("llama-bench"), d.resolve("runs/llama-bench"));
      Files.move(d.resolve("runs/llama-bench/h100-machine.txt"), d.resolve("h100-machine.txt"));
      copyAll(fixture("tinygrad"), d.resolve("runs/tinygrad"));
      copyAll(fixture("vllm"), d.resolve("runs/vllm"));
      copyAll(fixture("mlc"), d.resolve("runs/mlc"));
      copyTree(TestData.root().resolve("h200-2026-12-01/runs"), d.resolve("runs/h200"));
      Files.copy(fixture("llama-bench/cpu-tiny.json"), d.resolve("runs/copy-of-cpu-tiny.json"));
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyAll(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path f : s.filter(Files::isRegularFile).toList())
        Files.copy(f, to.resolve(f.getFileName()));
    }
  }

  /** Every file under {@code from}, subfolders too, to the same places under {@code to}. */
  static void copyTree(Path from, Path to) throws IOException {
    for (Path f : files(from)) {
      Path target = to.resolve(from.relativize(f).toString());
      Files.createDirectories(target.getParent());
      Files.copy(f, target);
    }
  }

  /** Every regular file under {@code dir}. */
  static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
