package dev.tokbench.cli;

import dev.tokbench.formats.Import;
import dev.tokbench.formats.llamalog.LlamaLog;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MemoryRow;
import dev.tokbench.results.ResultsFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory a llama-server that serve-bench launched reported in its kept log (buffer sizes while
 * loading, the breakdown table at its clean exit), as memory rows in a results file beside the
 * serve-bench output. llama-server prints those lines at log verbosity 4 ({@code -lv 4}) or with
 * {@code -v}, not by default; serve-bench does not add either, as debug logging is work the server
 * does while it is measured. The rows record the log's SHA-256 as an import would, so a data folder
 * with both the log and the rows counts them once.
 */
final class ServerMemory {
  private ServerMemory() {}

  /** {@code serve.jsonl} -> {@code serve.memory.jsonl}; without {@code --out}, beside the log. */
  static Path rowsFile(Path out, Path log) {
    Path beside = out != null ? out : log;
    String name = beside.getFileName().toString().replaceFirst("(\\.server)?\\.(jsonl|log)$", "");
    return beside.resolveSibling(name + ".memory.jsonl");
  }

  /** Reads the log and appends its memory rows; says on {@code err} what it recorded or why not. */
  static void record(Path log, Path rowsFile, PrintWriter err) {
    if (!Files.isRegularFile(log)) return;
    List<BenchResult> rows;
    try {
      if (!LlamaLog.FORMAT.equals(detect(log))) {
        err.println(
            "memory: the server log "
                + log
                + " states no memory lines (llama-server prints them with -lv 4 or -v after --)");
        return;
      }
      rows = LlamaLog.read(log);
    } catch (RuntimeException e) { // a log llama.cpp cut short: the measurement above stands
      err.println("memory: not read from " + log + ": " + e.getMessage());
      return;
    }
    Map<String, String> source = new LinkedHashMap<>();
    source.put(Import.SOURCE_HASH, Import.sha256(log));
    source.put("source_file", log.getFileName().toString());
    source.put("memory_from", "llama-server log (serve-bench --llama-server)");
    List<BenchResult> stamped = rows.stream().map(r -> r.withProvenance(source)).toList();
    try {
      ResultsFile.append(rowsFile, stamped);
    } catch (RuntimeException e) { // the serve-bench output is written; say why these are not
      err.println("memory: not written to " + rowsFile + ": " + e.getMessage());
      return;
    }
    for (BenchResult r : stamped) err.println("memory: " + describe(r));
    err.println("memory: " + stamped.size() + " rows -> " + rowsFile);
  }

  private static String detect(Path log) {
    try {
      return Import.detect(log);
    } catch (dev.tokbench.formats.UnrecognizedOutputException e) {
      return "";
    }
  }

  private static String describe(BenchResult r) {
    String device = r.extra().getOrDefault(MemoryRow.DEVICE, "");
    if (!r.ok()) return device + " " + r.status().label() + ": " + r.reason();
    return device
        + " self "
        + r.extra().getOrDefault("memory_self_mib", "?")
        + " MiB = model "
        + r.extra().getOrDefault("memory_model_mib", "?")
        + " + context "
        + r.extra().getOrDefault("memory_context_mib", "?")
        + " + compute "
        + r.extra().getOrDefault("memory_compute_mib", "?");
  }
}
