package dev.tokbench.run;

import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.List;

/**
 * llama.cpp's {@code llama-bench}: read its saved output ({@code LlamaBench.parse(path)}, any of
 * json, jsonl, csv, md, sql, recognised from content).
 */
public final class LlamaBench {
  private LlamaBench() {}

  /** Every test in a saved llama-bench output file, as normalised rows. */
  public static List<BenchResult> parse(Path file) {
    return LlamaBenchOutput.read(file);
  }
}
