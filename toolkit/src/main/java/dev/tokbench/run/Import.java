package dev.tokbench.run;

import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Saved outputs of any supported tool as normalised rows: llama-bench in its five formats
 * (recognised from content), a tinygrad benchmark log, a vLLM {@code --output-json}, an MLC LLM
 * bench CSV.
 */
public final class Import {
  private Import() {}

  /** Formats {@link #read} takes; {@code auto} recognises llama-bench output from content. */
  public static final List<String> FORMATS =
      List.of("auto", "json", "jsonl", "csv", "md", "sql", "tinygrad", "vllm", "mlc");

  /** The rows of one file in the given format. */
  public static List<BenchResult> read(Path file, String format) {
    String f = format.toLowerCase(Locale.ROOT);
    String model = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return switch (f) {
      case "auto" -> LlamaBenchOutput.read(file);
      case "json", "jsonl", "csv", "md", "markdown", "sql" ->
          LlamaBenchOutput.read(file, LlamaBenchFormat.parse(f));
      case "tinygrad" -> List.of(Tinygrad.parse(file));
      case "vllm" -> List.of(Vllm.read(file, model, Vllm.LatencyShape.DEFAULT));
      case "mlc" -> MlcLlm.read(file, model);
      default ->
          throw new IllegalArgumentException(
              "unknown import format '" + format + "', expected one of " + FORMATS);
    };
  }
}
