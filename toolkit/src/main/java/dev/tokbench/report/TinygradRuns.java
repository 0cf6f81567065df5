package dev.tokbench.report;

import dev.tokbench.TidyCsv;
import dev.tokbench.formats.tinygrad.TinygradLog;
import dev.tokbench.results.BenchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Saved tinygrad {@code llama3.py --benchmark} logs listed in a folder's {@code tinygrad-runs.csv},
 * read through the run package's parser. The list says what the log cannot: which model and backend
 * it was, how the report labels it, and why a failed run failed.
 */
final class TinygradRuns {
  static final List<String> COLUMNS =
      List.of("log", "backend", "env", "label", "model", "quant", "note");

  private TinygradRuns() {}

  static List<BenchResult> read(Path list, String device) {
    List<BenchResult> out = new ArrayList<>();
    for (TidyCsv.Row r : TidyCsv.read(list, COLUMNS).rows()) {
      Path log = list.resolveSibling(r.required("log"));
      if (!Files.isRegularFile(log)) throw r.error("no log file " + log);
      BenchResult row = Transcribed.guarded(r, () -> row(r, TinygradLog.read(log), device));
      out.addAll(SourceTag.of(List.of(row), r.required("log")));
    }
    return out;
  }

  /** The parsed row with the list's model, backend and label, and tinygrad's figures renamed. */
  private static BenchResult row(TidyCsv.Row r, BenchResult parsed, String device) {
    Map<String, String> extra = new TreeMap<>(parsed.extra());
    extra.put("label", r.required("label"));
    copy(extra, "total_ms_mean", "ms_per_token");
    copy(extra, "gb_per_s_mean", "memory_bandwidth_gb_per_s");
    copy(extra, "param_gb_per_s_mean", "param_bandwidth_gb_per_s");
    Map<String, String> flags = new TreeMap<>(parsed.flags());
    flags.put("env", r.required("env"));
    String reason = parsed.ok() ? "" : r.text("note") + " (" + parsed.reason() + ")";
    return parsed.toBuilder()
        .backend(r.required("backend"))
        .model(r.required("model"), r.required("quant"))
        .device(device)
        .status(parsed.status(), reason)
        .flags(flags)
        .extra(extra)
        .build();
  }

  /** tinygrad's own names for its figures, under the names the report's tables read. */
  private static void copy(Map<String, String> extra, String from, String to) {
    String v = extra.get(from);
    if (v != null && !v.isEmpty()) extra.put(to, v);
  }
}
