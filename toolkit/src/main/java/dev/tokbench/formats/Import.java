package dev.tokbench.formats;

import dev.tokbench.BadInputException;
import dev.tokbench.FileReadException;
import dev.tokbench.formats.llamabench.LlamaBenchFormat;
import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.formats.mlc.MlcOutput;
import dev.tokbench.formats.tinygrad.TinygradBench;
import dev.tokbench.formats.tinygrad.TinygradLog;
import dev.tokbench.formats.vllm.LatencyShape;
import dev.tokbench.formats.vllm.VllmOutput;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Saved outputs of any supported tool as normalised rows: llama-bench in its five formats
 * (recognised from content), a tinygrad benchmark log, the JSON lines of tokbench's tinygrad
 * harness ({@code scripts/tinygrad_bench.py}), a vLLM {@code --output-json}, an MLC LLM bench CSV,
 * and tokbench's own results files and sweep stores (to merge them).
 */
public final class Import {
  private static final int SNIFF_BYTES = 1 << 20;

  private Import() {}

  /** Formats {@link #read} takes; {@code auto} recognises any of the others from content. */
  public static final List<String> FORMATS =
      List.of(
          "auto",
          "json",
          "jsonl",
          "csv",
          "md",
          "sql",
          "tinygrad",
          "tinygrad-bench",
          "vllm",
          "mlc",
          "tokbench");

  /** The rows of one file, its format recognised from its content. */
  public static List<BenchResult> read(Path file) {
    return read(file, "auto");
  }

  /** The name of the format {@link #read(Path)} would use for this file. */
  public static String detect(Path file) {
    if (ResultsFile.isResultsFile(file)) return "tokbench";
    return ImportFormat.detect(head(file), file.toString());
  }

  /** The rows of one file in the given format ({@code auto}: recognised from content). */
  public static List<BenchResult> read(Path file, String format) {
    String f = format.toLowerCase(Locale.ROOT);
    if (f.equals("auto")) f = detect(file);
    String model = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return switch (f) {
      case "json", "jsonl", "csv", "md", "markdown", "sql" ->
          LlamaBenchOutput.read(file, LlamaBenchFormat.parse(f));
      case "tinygrad" -> List.of(TinygradLog.read(file));
      case "tinygrad-bench" -> TinygradBench.read(file);
      case "vllm" -> List.of(VllmOutput.read(file, model, LatencyShape.DEFAULT));
      case "mlc" -> MlcOutput.read(file, model);
      case "tokbench" -> ResultsFile.read(file);
      default ->
          throw new BadInputException(
              "unknown import format '" + format + "', expected one of " + FORMATS);
    };
  }

  /**
   * The start of the file that {@link #detect} looks at: its first {@value #SNIFF_BYTES} bytes,
   * decoded leniently (the reader chosen checks the whole file strictly).
   */
  private static String head(Path file) {
    byte[] head = new byte[SNIFF_BYTES];
    try (InputStream in = Files.newInputStream(FileReadException.requireReadable(file))) {
      int n = in.readNBytes(head, 0, head.length);
      return new String(head, 0, n, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
  }
}
