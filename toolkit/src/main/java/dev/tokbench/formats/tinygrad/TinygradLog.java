package dev.tokbench.formats.tinygrad;

import dev.tokbench.ReadLimits;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A saved log of tinygrad's {@code examples/llama3.py --benchmark} (its stdout, or both streams
 * interleaved) as one row: {@code TinygradLog.read(Path.of("cuda_q4km.log"))}. The log gives the
 * timings and, for a run that died, the exception it died of; the run's record beside it ({@link
 * TinygradRecord}) the model, quantization, backend, environment, exit code and GPU. Limits ({@link
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
    String text = ReadLimits.TINYGRAD.read(log);
    TinygradRecord record = TinygradRecord.beside(log);
    Map<String, String> provenance = new LinkedHashMap<>(record.provenance());
    provenance.put("source", log.toString());
    Map<String, String> flags = new LinkedHashMap<>();
    if (!record.env().isEmpty()) flags.put("env", record.envText());
    if (!record.size().isEmpty()) flags.put("size", record.size());
    String chosen = backend.isEmpty() ? record.backend() : backend;
    BenchResult row =
        TinygradRow.toResult(
            TinygradOutput.parse(text), rule, chosen, record.model(), flags, provenance);
    return row.ok() ? row : row.withStatus(Status.FAILED, reason(text, record, row.reason()));
  }

  /**
   * Why a run measured nothing: its exit code and the exception line tinygrad printed, else the
   * parser's own finding (no timed tokens after warm-up).
   */
  private static String reason(String text, TinygradRecord record, String parsed) {
    List<String> lines = List.of(text.split("\r\n|\r|\n"));
    Optional<PythonTraceback> tb = PythonTraceback.last(lines);
    String exit =
        record.timedOut()
            ? "timed out: "
            : record.exitCode() != null ? "exit " + record.exitCode() + ": " : "";
    return exit + tb.map(PythonTraceback::toString).orElse(parsed);
  }
}
