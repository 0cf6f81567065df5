package dev.tokbench.formats.tinygrad;

import dev.tokbench.ReadLimits;
import dev.tokbench.results.BenchResult;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saved output of tokbench's tinygrad harness ({@code scripts/tinygrad_bench.py}: prompt processing
 * and decode timed separately on tinygrad's own LLaMA model) as rows comparable with llama-bench's
 * {@code pp512} and {@code tg128}: {@code TinygradBench.read(Path.of("cpu-harness.jsonl"))}.
 *
 * <p>Lines other than the harness's JSON lines are skipped, so a log with tinygrad's stderr saved
 * alongside reads too; a file with no harness line at all is an error, not zero rows.
 */
public final class TinygradBench {
  private TinygradBench() {}

  /** The rows of a saved harness output, with TinyJit's warm-up rule. */
  public static List<BenchResult> read(Path file) {
    return read(file, WarmupRule.tinyJit(), Map.of("source", file.toString()));
  }

  /** The rows of a saved harness output, with a chosen warm-up rule and launch provenance. */
  public static List<BenchResult> read(Path file, WarmupRule rule, Map<String, String> provenance) {
    // read whole within tinygrad's limits: a malformed byte is a typed error at its line, not an
    // UncheckedIOException from a strict decoder (found by fuzzing)
    String text = ReadLimits.TINYGRAD.read(file);
    try {
      return parse(new StringReader(text), file.toString(), rule, provenance);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }

  /** The rows of printed harness output; {@code source} names it in errors. */
  public static List<BenchResult> parse(String text, String source) {
    try {
      return parse(new StringReader(text), source, WarmupRule.tinyJit(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }

  /** True when any line of the text is one of the harness's. */
  public static boolean recognises(String text) {
    return text.lines().anyMatch(TinygradBenchLines::isHarnessLine);
  }

  private static List<BenchResult> parse(
      Reader in, String source, WarmupRule rule, Map<String, String> provenance)
      throws IOException {
    TinygradBenchLines lines = new TinygradBenchLines(source, rule, provenance);
    List<BenchResult> rows = new ArrayList<>();
    long[] harnessLines = {0};
    BoundedLines.read(
        in,
        BoundedLines.MAX_CHARS,
        (line, lineNo, cut) -> {
          if (!TinygradBenchLines.isHarnessLine(line)) return;
          if (cut) {
            throw new TinygradBenchException(
                source, lineNo, "line longer than " + BoundedLines.MAX_CHARS + " characters");
          }
          harnessLines[0]++;
          rows.addAll(lines.rows(line, lineNo));
        });
    if (harnessLines[0] == 0) {
      throw new TinygradBenchException(
          source,
          1,
          "no tinygrad_bench line (a JSON object with \"schema\": \""
              + TinygradBenchLines.SCHEMA
              + "\")");
    }
    return rows;
  }
}
