package dev.tokbench.formats.llamabench;

import dev.tokbench.ReadLimits;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saved llama-bench output, in any of its five formats, as normalised rows: {@code
 * LlamaBenchOutput.read(Path.of("h100-report-matrix.json"))}.
 *
 * <p>Limits ({@link ReadLimits#LLAMA_BENCH}): 64 MiB a file, 8 MiB a line, 32 levels of JSON
 * nesting, 1 MiB a string; past one, an {@link dev.tokbench.InputLimitException} names it.
 *
 * <p>A JSON array cut short (a killed run) keeps every finished test and ends with one {@code
 * failed} row that says where the output stopped, so no measured row is lost and the loss is not
 * hidden.
 */
public final class LlamaBenchOutput {
  private LlamaBenchOutput() {}

  /** Reads a file, recognising the format from its content. */
  public static List<BenchResult> read(Path file) {
    return parse(text(file), file.toString());
  }

  /** Reads a file in the given format. */
  public static List<BenchResult> read(Path file, LlamaBenchFormat format) {
    return parse(text(file), format, file.toString());
  }

  /** Parses printed output, recognising the format; {@code source} names it in error messages. */
  public static List<BenchResult> parse(String text, String source) {
    return parse(text, LlamaBenchFormat.detect(text, source), source);
  }

  /** Parses printed output in the given format. */
  public static List<BenchResult> parse(String text, LlamaBenchFormat format, String source) {
    LlamaBenchParsers.Parsed parsed =
        split(ReadLimits.LLAMA_BENCH.check(text, source), format, source);
    List<BenchResult> rows = new ArrayList<>();
    for (LlamaBenchRecord r : parsed.records()) rows.add(toResult(r, source));
    if (parsed.truncation() != null) {
      rows.add(BenchResult.failed("llama.cpp", Status.FAILED, source + ": " + parsed.truncation()));
    }
    return rows;
  }

  /** The tests of a file as printed, every field by name, before normalisation. */
  public static List<LlamaBenchRecord> records(Path file) {
    String text = text(file);
    String source = file.toString();
    return split(text, LlamaBenchFormat.detect(text, source), source).records();
  }

  private static LlamaBenchParsers.Parsed split(
      String text, LlamaBenchFormat format, String source) {
    return switch (format) {
      case JSON -> LlamaBenchParsers.json(text, source);
      case JSONL -> new LlamaBenchParsers.Parsed(LlamaBenchParsers.jsonl(text, source), null);
      case CSV -> new LlamaBenchParsers.Parsed(LlamaBenchParsers.csv(text, source), null);
      case SQL -> new LlamaBenchParsers.Parsed(LlamaBenchParsers.sql(text, source), null);
      case MD -> new LlamaBenchParsers.Parsed(LlamaBenchMarkdown.parse(text, source), null);
    };
  }

  /** One line of {@code -o jsonl} as it streams from a running llama-bench. */
  public static BenchResult parseJsonLine(String line, String source, long lineNo) {
    return toResult(LlamaBenchParsers.jsonLine(line, source, lineNo), source);
  }

  /** llama-bench's name of a test: {@code pp512}, {@code tg128}, {@code pp512+tg128 @ d4096}. */
  public static String testName(int nPrompt, int nGen, int nDepth) {
    return LlamaBenchNames.testName(nPrompt, nGen, nDepth);
  }

  /**
   * The model name a row of this model file gets, given its quantization as llama-quantize names
   * it: {@code llama-3.2-1b} for {@code models/llama-3.2-1b-Q4_K_M.gguf} and {@code Q4_K_M}.
   */
  public static String modelName(String modelFile, String quant) {
    return LlamaBenchNames.modelName(modelFile, quant);
  }

  static BenchResult toResult(LlamaBenchRecord r, String source) {
    return toResult(r, source, Map.of());
  }

  /** The row of one record, with a launch's provenance; bad values name the source and line. */
  static BenchResult toResult(LlamaBenchRecord r, String source, Map<String, String> provenance) {
    try {
      return LlamaBenchRow.toResult(r, provenance);
    } catch (IllegalArgumentException e) {
      throw new LlamaBenchFormatException(source, r.line(), e.getMessage(), e);
    }
  }

  private static String text(Path file) {
    return ReadLimits.LLAMA_BENCH.read(file);
  }
}
