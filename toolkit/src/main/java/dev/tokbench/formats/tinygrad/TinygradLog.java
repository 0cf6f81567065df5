package dev.tokbench.formats.tinygrad;

import dev.tokbench.ReadLimits;
import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.Map;

/**
 * A saved log of tinygrad's {@code examples/llama3.py --benchmark} (its stdout, or both streams
 * interleaved) as one row: {@code TinygradLog.read(Path.of("cuda_q4km.log"))}. Limits ({@link
 * ReadLimits#TINYGRAD}): 256 MiB a log, 8 MiB a line (a tqdm frame ends at {@code \r}).
 */
public final class TinygradLog {
  private TinygradLog() {}

  /** The row of a saved benchmark log, with the default warm-up rule (TinyJit's two tokens). */
  public static BenchResult read(Path log) {
    return read(log, "", WarmupRule.tinyJit());
  }

  /** The row of a saved benchmark log for a known backend, with a chosen warm-up rule. */
  public static BenchResult read(Path log, String backend, WarmupRule rule) {
    TinygradOutput out = TinygradOutput.parse(ReadLimits.TINYGRAD.read(log));
    return TinygradRow.toResult(
        out, rule, backend, null, Map.of(), Map.of("source", log.toString()));
  }
}
