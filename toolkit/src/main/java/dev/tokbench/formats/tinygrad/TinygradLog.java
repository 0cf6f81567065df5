package dev.tokbench.formats.tinygrad;

import dev.tokbench.FileReadException;
import dev.tokbench.results.BenchResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A saved log of tinygrad's {@code examples/llama3.py --benchmark} (its stdout, or both streams
 * interleaved) as one row: {@code TinygradLog.read(Path.of("cuda_q4km.log"))}.
 */
public final class TinygradLog {
  private TinygradLog() {}

  /** The row of a saved benchmark log, with the default warm-up rule (TinyJit's two tokens). */
  public static BenchResult read(Path log) {
    return read(log, "", WarmupRule.tinyJit());
  }

  /** The row of a saved benchmark log for a known backend, with a chosen warm-up rule. */
  public static BenchResult read(Path log, String backend, WarmupRule rule) {
    try {
      TinygradOutput out = TinygradOutput.parse(Files.readString(log, StandardCharsets.UTF_8));
      return TinygradRow.toResult(
          out, rule, backend, null, Map.of(), Map.of("source", log.toString()));
    } catch (IOException e) {
      throw FileReadException.of(log, e);
    }
  }
}
