package dev.tokbench.report;

import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.results.BenchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The llama-bench JSON files of a data folder ({@code *.json}, kept as llama-bench wrote them),
 * read through the run package's parser so that both read llama-bench the same way.
 */
final class LlamaBenchJson {
  private LlamaBenchJson() {}

  /** Every row of every {@code *.json} file directly in {@code dir}, files in name order. */
  static List<BenchResult> readAll(Path dir) {
    List<BenchResult> out = new ArrayList<>();
    for (Path f : jsonFiles(dir)) {
      out.addAll(SourceTag.of(LlamaBenchOutput.read(f), f.getFileName().toString()));
    }
    return out;
  }

  private static List<Path> jsonFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
