package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ServeMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The serving tables of a folder with rows of the test kind {@code serve} ({@code tokbench
 * serve-bench}): one table per server, model, device and request shape, a row per load level —
 * closed loops by concurrency, then open loops by rate — with what {@code vllm bench serve} prints:
 * requests, output tok/s, req/s, TTFT, TPOT, ITL and end-to-end percentiles, goodput. Each serve
 * row is in the output tok/s cell of its level.
 */
final class ServeTables {
  /** The name of the first table ({@code serving}); more are {@code serving 2} …. */
  static final String NAME = "serving";

  private static final List<String> HEADERS =
      List.of(
          "Load",
          "OK / sent",
          "Output tok/s",
          "Req/s",
          "TTFT p50 / p99 (ms)",
          "TPOT p50 (ms)",
          "ITL p50 / p99 (ms)",
          "E2E p50 (ms)",
          "Goodput (req/s)");

  private static final Comparator<ServeMetrics> LOAD_ORDER =
      Comparator.comparing((ServeMetrics m) -> !m.closedLoop())
          .thenComparingDouble(m -> m.closedLoop() ? m.concurrency() : m.rate());

  private final List<ReportTable> tables = new ArrayList<>();
  private final Map<BenchResult, Placement> placed = new IdentityHashMap<>();

  private ServeTables(DataFolder data) {
    groups(data).forEach((title, levels) -> add(data, title, levels));
  }

  /** The serving tables of {@code data}; none without serve rows. */
  static ServeTables of(DataFolder data) {
    return new ServeTables(data);
  }

  /** The tables, in the order of their first rows in the folder. */
  List<ReportTable> tables() {
    return tables;
  }

  /**
   * {@code placements} with each serve row no other table shows placed in its serving cell: a
   * failed level the summary lists stays there, so every row is in one cell only.
   */
  List<Placement> placements(List<Placement> placements) {
    List<Placement> out = new ArrayList<>(placements.size());
    for (Placement p : placements) {
      Placement here = placed.get(p.row());
      out.add(p.shown() || here == null ? p : here);
    }
    return out;
  }

  /** Serve rows by what stays the same across a table's levels, in the folder's order. */
  static Map<String, List<ServeMetrics>> groups(DataFolder data) {
    Map<String, List<ServeMetrics>> out = new LinkedHashMap<>();
    for (BenchResult r : data.results()) {
      ServeMetrics.of(r)
          .ifPresent(m -> out.computeIfAbsent(title(data, r), k -> new ArrayList<>()).add(m));
    }
    out.values().forEach(levels -> levels.sort(LOAD_ORDER));
    return out;
  }

  /** {@code llama.cpp (CUDA) · LLaMA 3.1 8B Q4_K_M · NVIDIA H200 · 512 + 128 tokens}. */
  static String title(DataFolder data, BenchResult r) {
    String server = r.framework() + (r.backend().isEmpty() ? "" : " (" + r.backend() + ")");
    String tokens = r.nPrompt() + " prompt + " + r.nGen() + " output tokens per request";
    String device = r.device().isEmpty() ? "" : " · " + r.device();
    return server + " · " + Labels.tableLabel(data, r).strip() + device + " · " + tokens;
  }

  private void add(DataFolder data, String title, List<ServeMetrics> levels) {
    String name = tables.isEmpty() ? NAME : NAME + " " + (tables.size() + 1);
    List<List<Entry>> rows = new ArrayList<>();
    for (ServeMetrics m : levels) {
      placed.put(m.row(), new Placement(m.row(), name, rows.size(), 2, ""));
      rows.add(row(m));
    }
    BenchResult first = levels.get(0).row();
    String slo = first.flags().getOrDefault("slo", "");
    String footnote =
        "Serving benchmark (tokbench serve-bench, streamed requests): TTFT to the first content"
            + " token, TPOT = (E2E − TTFT) ÷ (output tokens − 1) per request, ITL every gap"
            + " between content chunks; percentiles over the level's successful requests."
            + (slo.isEmpty() ? "" : " Goodput: requests per second within " + slo + ".");
    tables.add(new ReportTable(name, "Serving: " + title, HEADERS, rows, footnote));
  }

  private static List<Entry> row(ServeMetrics m) {
    BenchResult r = m.row();
    String failed = r.ok() ? "" : " — " + r.status().label();
    List<Entry> row = new ArrayList<>();
    row.add(Entry.text(m.load()));
    row.add(Entry.text(m.completed() + " / " + m.requests() + failed));
    row.add(new Entry(fixed(m.outputTokPerS(), 1), "", false, m.outputTokPerS()).from(r));
    row.add(figure(m.reqPerS(), 2, r));
    row.add(pair(m, "ttft", 1));
    row.add(figure(m.ms("tpot", "p50"), 2, r));
    row.add(pair(m, "itl", 2));
    row.add(figure(m.ms("e2e", "p50"), 1, r));
    row.add(figure(m.goodputReqPerS(), 2, r));
    return row;
  }

  private static Entry pair(ServeMetrics m, String metric, int decimals) {
    double p50 = m.ms(metric, "p50");
    double p99 = m.ms(metric, "p99");
    if (Double.isNaN(p50)) return Entry.text("—");
    return new Entry(fixed(p50, decimals) + " / " + fixed(p99, decimals), "", false, p50)
        .from(m.row());
  }

  private static Entry figure(double v, int decimals, BenchResult r) {
    return Double.isNaN(v) ? Entry.text("—") : new Entry(fixed(v, decimals), "", false, v).from(r);
  }
}
