package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.bandwidth.Bandwidth;
import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.bandwidth.Prefill;
import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bandwidth tables: the report's utilisation table, a detailed one with the practical bandwidth
 * and the decode ceiling, and prefill compute utilisation where the device's peak is known.
 */
final class BandwidthTables {
  static final String ESTIMATE_NOTE = "*llama.cpp bandwidth estimated from: model_size × tok/s";

  private final DataFolder data;

  BandwidthTables(DataFolder data) {
    this.data = data;
  }

  /**
   * The report's table: tinygrad's own memory-bandwidth figure where it printed one, and for
   * llama.cpp the estimate model size × tok/s (marked {@code ~…*}), each as % of theoretical.
   */
  Optional<ReportTable> utilisation() {
    List<List<Entry>> rows = new ArrayList<>();
    for (BenchResult r : data.measured()) {
      String printed = r.extra().get("memory_bandwidth_gb_per_s");
      if (printed != null && Labels.decode(r)) {
        rows.add(row(r, Bandwidth.gbPerS(Double.parseDouble(printed)), ""));
      }
    }
    for (BenchResult r : data.measured()) {
      Bytes w = Labels.weights(data, r);
      if (r.framework().equals("llama.cpp") && Labels.decode(r) && w != null) {
        rows.add(row(r, Bandwidth.effective(w, r.tokensPerSMean()), "*"));
      }
    }
    if (rows.isEmpty()) return Optional.empty();
    List<String> headers = List.of("Framework", "Model", "Effective BW", "% of Theoretical");
    return Optional.of(
        new ReportTable("bandwidth", "Memory Bandwidth Utilization", headers, rows, ESTIMATE_NOTE));
  }

  private List<Entry> row(BenchResult r, Bandwidth bw, String estimateMark) {
    String prefix = estimateMark.isEmpty() ? "" : "~";
    double pct = bw.percentOf(data.device().theoretical());
    return List.of(
        Entry.text(Labels.framework(r)),
        Entry.text(Labels.tableLabel(data, r)),
        new Entry(prefix + fixed(bw.gbPerS(), 1) + " GB/s" + estimateMark, "", false, bw.gbPerS())
            .from(r),
        Entry.number(fixed(pct, 1) + "%", pct).from(r));
  }

  /**
   * Every decode row with its weights: effective bandwidth (weights × tok/s), % of theoretical and
   * practical, and the ceiling tok/s that each bandwidth allows at depth 0.
   */
  Optional<ReportTable> ceiling() {
    List<List<Entry>> rows = new ArrayList<>();
    for (BenchResult r : data.measured()) {
      Bytes w = Labels.weights(data, r);
      if (Labels.decode(r) && w != null) rows.add(ceilingRow(r, w));
    }
    if (rows.isEmpty()) return Optional.empty();
    List<String> headers =
        List.of(
            "Framework",
            "Model",
            "Weights (GB)",
            "Decode (tok/s)",
            "Weights × tok/s (GB/s)",
            "% of Theoretical",
            "% of Practical",
            "Ceiling at theoretical (tok/s)",
            "Ceiling at practical (tok/s)");
    String note =
        "Theoretical " + data.device().theoretical() + ", practical " + practicalText() + ".";
    return Optional.of(
        new ReportTable("ceiling", "Decode against the bandwidth ceiling", headers, rows, note));
  }

  private List<Entry> ceilingRow(BenchResult r, Bytes w) {
    DeviceSpec d = data.device();
    Bandwidth used = Bandwidth.effective(w, r.tokensPerSMean());
    return List.of(
        Entry.text(Labels.framework(r)),
        Entry.text(Labels.tableLabel(data, r)),
        number(w.in(dev.tokbench.bandwidth.ByteUnit.GB), 2),
        number(r.tokensPerSMean(), 2).from(r),
        number(used.gbPerS(), 1).from(r),
        number(used.percentOf(d.theoretical()), 1).from(r),
        d.practicalBandwidth()
            .map(p -> number(used.percentOf(p), 1).from(r))
            .orElse(Entry.text("—")),
        number(d.theoretical().tokensPerSCeiling(w), 1),
        d.practicalBandwidth().map(p -> number(p.tokensPerSCeiling(w), 1)).orElse(Entry.text("—")));
  }

  private String practicalText() {
    return data.device().practicalBandwidth().map(Bandwidth::toString).orElse("not stated");
  }

  /** Prompt processing FLOP/s (2 × parameters per token) against the device's dense FP16 peak. */
  Optional<ReportTable> prefill() {
    var device = data.device().device();
    if (!device.hasPeakFlops()) return Optional.empty();
    List<List<Entry>> rows = new ArrayList<>();
    for (BenchResult r : data.measured()) {
      long params =
          r.nParams() > 0 ? r.nParams() : data.model(r).map(ModelEntry::nParams).orElse(-1L);
      if (!Labels.prefill(r) || params <= 0) continue;
      double tflops = r.tokensPerSMean() * Prefill.flopsPerToken(params) / 1e12;
      double pct =
          Prefill.utilisationPercent(r.tokensPerSMean(), params, device.peakFp16DenseTflops());
      rows.add(
          List.of(
              Entry.text(Labels.framework(r)),
              Entry.text(Labels.tableLabel(data, r)),
              Entry.text(r.test()),
              number(r.tokensPerSMean(), 2).from(r),
              number(tflops, 1).from(r),
              number(pct, 1).from(r)));
    }
    if (rows.isEmpty()) return Optional.empty();
    List<String> headers =
        List.of("Framework", "Model", "Test", "tok/s", "TFLOP/s (2 × params)", "% of FP16 peak");
    String note =
        "Peak: "
            + fixed(device.peakFp16DenseTflops(), 1)
            + " TFLOPS dense FP16 ("
            + device.source()
            + ").";
    return Optional.of(
        new ReportTable("prefill", "Prompt processing compute", headers, rows, note));
  }

  private static Entry number(double v, int decimals) {
    return Entry.number(fixed(v, decimals), v);
  }
}
