package dev.tokbench.report;

import dev.tokbench.formats.Import;
import dev.tokbench.results.BenchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code runs/} folder of a data folder, where new measurements go: files that {@code tokbench
 * run}, {@code sweep} or {@code import} wrote, and saved outputs of the frameworks themselves, each
 * recognised by its content. This is how a run on a user's machine reaches the report's tables
 * through the same code as the published figures.
 */
final class RunsFolder {
  /** Notes kept beside the runs, not runs. */
  private static final Set<String> NOTES = Set.of("README.md", "SOURCE.md");

  private RunsFolder() {}

  /** Every row of every file in {@code runs}, files in name order; none when there is no folder. */
  static List<BenchResult> read(Path runs) {
    if (!Files.isDirectory(runs)) return List.of();
    List<BenchResult> out = new ArrayList<>();
    for (Path f : files(runs)) {
      out.addAll(SourceTag.of(Import.read(f), "runs/" + f.getFileName()));
    }
    return out;
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !NOTES.contains(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
