package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.bandwidth.Bandwidth;
import dev.tokbench.bandwidth.ByteUnit;
import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.bandwidth.Prefill;
import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bandwidth tables: the report's utilisation table, a detailed one with the practical bandwidth
 * and the decode ceiling, and prefill compute utilisation where the device's peak is known. Each
 * row is judged against the device it was measured on (its provenance); a row whose device the
 * catalogue lacks is not computed against another's bandwidth but named under the table.
 */
final class BandwidthTables {
  static final String ESTIMATE_NOTE = "*llama.cpp bandwidth estimated from: model_size × tok/s";

  private final DataFolder data;

  BandwidthTables(DataFolder data) {
    this.data = data;
  }

  /** A row to show, the device it is judged against, and the bandwidth it used. */
  private record Judged(BenchResult row, DeviceSpec device, Bandwidth used, boolean estimate) {}

  /**
   * The report's table: tinygrad's own memory-bandwidth figure where it printed one, and for
   * llama.cpp the estimate model size × tok/s (marked {@code ~…*}), each as % of theoretical.
   */
  Optional<ReportTable> utilisation() {
    List<BenchResult> candidates = new ArrayList<>();
    List<Boolean> estimate = new ArrayList<>();
    for (BenchResult r : data.merged()) {
      if (Labels.tinygradFigure(r, "memory_bandwidth_gb_per_s") != null && Labels.decode(r)) {
        candidates.add(r);
        estimate.add(false);
      }
    }
    for (BenchResult r : data.merged()) {
      if (r.framework().equals("llama.cpp")
          && Labels.decode(r)
          && Labels.weights(data, r) != null) {
        candidates.add(r);
        estimate.add(true);
      }
    }
    List<Judged> rows = new ArrayList<>();
    Map<String, Integer> unknown = new LinkedHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      BenchResult r = candidates.get(i);
      Optional<DeviceSpec> d = data.deviceOf(r);
      if (d.isEmpty()) {
        unknown.merge(ShapedTable.deviceName(r.device()), 1, Integer::sum);
        continue;
      }
      Bandwidth bw =
          estimate.get(i)
              ? Bandwidth.effective(Labels.weights(data, r), r.tokensPerSMean())
              : Bandwidth.gbPerS(
                  Double.parseDouble(Labels.tinygradFigure(r, "memory_bandwidth_gb_per_s")));
      rows.add(new Judged(r, d.get(), bw, estimate.get(i)));
    }
    if (rows.isEmpty() && unknown.isEmpty()) return Optional.empty();
    boolean devices = deviceCount(rows) > 1;
    List<String> suffix = suffixes(rows, devices);
    List<List<Entry>> out =
        LazyRows.disjoint(
            rows.size(),
            i -> utilisationRow(rows.get(i), suffix.get(i), devices),
            i -> List.of(rows.get(i).row()));
    List<String> headers = new ArrayList<>(List.of("Framework", "Model"));
    if (devices) headers.add("Device");
    headers.addAll(List.of("Effective BW", "% of Theoretical"));
    return Optional.of(
        new ReportTable(
            "bandwidth",
            "Memory Bandwidth Utilization",
            headers,
            out,
            ESTIMATE_NOTE + notComputed(unknown)));
  }

  private List<Entry> utilisationRow(Judged j, String suffix, boolean devices) {
    String prefix = j.estimate() ? "~" : "";
    String mark = j.estimate() ? "*" : "";
    double pct = j.used().percentOf(j.device().theoretical());
    List<Entry> row = new ArrayList<>();
    row.add(Entry.text(Labels.framework(j.row())));
    row.add(Entry.text(Labels.tableLabel(data, j.row()) + suffix));
    if (devices) row.add(Entry.text(j.device().device().name()));
    double gb = j.used().gbPerS();
    row.add(new Entry(prefix + fixed(gb, 1) + " GB/s" + mark, "", false, gb).from(j.row()));
    row.add(Entry.number(fixed(pct, 1) + "%", pct).from(j.row()));
    return row;
  }

  /**
   * Every decode row with its weights: effective bandwidth (weights × tok/s), % of theoretical and
   * practical, and the ceiling tok/s that each bandwidth allows at depth 0.
   */
  Optional<ReportTable> ceiling() {
    List<Judged> rows = new ArrayList<>();
    Map<String, Integer> unknown = new LinkedHashMap<>();
    for (BenchResult r : data.merged()) {
      Bytes w = Labels.weights(data, r);
      if (!Labels.decode(r) || w == null) continue;
      Optional<DeviceSpec> d = data.deviceOf(r);
      if (d.isEmpty()) unknown.merge(ShapedTable.deviceName(r.device()), 1, Integer::sum);
      else rows.add(new Judged(r, d.get(), Bandwidth.effective(w, r.tokensPerSMean()), true));
    }
    if (rows.isEmpty() && unknown.isEmpty()) return Optional.empty();
    boolean devices = deviceCount(rows) > 1;
    List<String> suffix = suffixes(rows, devices);
    List<List<Entry>> out =
        LazyRows.disjoint(
            rows.size(),
            i -> ceilingRow(rows.get(i), suffix.get(i), devices),
            i -> List.of(rows.get(i).row()));
    List<String> headers = new ArrayList<>(List.of("Framework", "Model"));
    if (devices) headers.add("Device");
    headers.addAll(
        List.of(
            "Weights (GB)",
            "Decode (tok/s)",
            "Weights × tok/s (GB/s)",
            "% of Theoretical",
            "% of Practical",
            "Ceiling at theoretical (tok/s)",
            "Ceiling at practical (tok/s)"));
    String note = bandwidthNote(rows) + notComputed(unknown);
    return Optional.of(
        new ReportTable("ceiling", "Decode against the bandwidth ceiling", headers, out, note));
  }

  private List<Entry> ceilingRow(Judged j, String suffix, boolean devices) {
    BenchResult r = j.row();
    DeviceSpec d = j.device();
    Bytes w = Labels.weights(data, r);
    Bandwidth used = j.used();
    List<Entry> row = new ArrayList<>();
    row.add(Entry.text(Labels.framework(r)));
    row.add(Entry.text(Labels.tableLabel(data, r) + suffix));
    if (devices) row.add(Entry.text(d.device().name()));
    row.add(number(w.in(ByteUnit.GB), 2));
    row.add(number(r.tokensPerSMean(), 2).from(r));
    row.add(number(used.gbPerS(), 1).from(r));
    row.add(number(used.percentOf(d.theoretical()), 1).from(r));
    row.add(
        d.practicalBandwidth()
            .map(p -> number(used.percentOf(p), 1).from(r))
            .orElse(Entry.text("—")));
    row.add(number(d.theoretical().tokensPerSCeiling(w), 1));
    row.add(
        d.practicalBandwidth().map(p -> number(p.tokensPerSCeiling(w), 1)).orElse(Entry.text("—")));
    return row;
  }

  /** {@code Theoretical …, practical ….}, per device when the rows have several. */
  private String bandwidthNote(List<Judged> rows) {
    Set<DeviceSpec> devices = new LinkedHashSet<>();
    rows.forEach(j -> devices.add(j.device()));
    if (devices.isEmpty()) devices.add(data.device());
    List<String> parts = new ArrayList<>();
    for (DeviceSpec d : devices) {
      String practical = d.practicalBandwidth().map(Bandwidth::toString).orElse("not stated");
      String prefix = devices.size() > 1 ? d.device().name() + ": t" : "T";
      parts.add(prefix + "heoretical " + d.theoretical() + ", practical " + practical + ".");
    }
    return String.join(" ", parts);
  }

  /** Prompt processing FLOP/s (2 × parameters per token) against the device's dense FP16 peak. */
  Optional<ReportTable> prefill() {
    Set<dev.tokbench.device.Device> peaks = new LinkedHashSet<>();
    List<BenchResult> shown = new ArrayList<>();
    for (BenchResult r : data.merged()) {
      long params = params(r);
      Optional<DeviceSpec> d = data.deviceOf(r);
      if (!Labels.prefill(r) || params <= 0 || d.isEmpty() || !d.get().device().hasPeakFlops()) {
        continue;
      }
      peaks.add(d.get().device());
      shown.add(r);
    }
    if (shown.isEmpty()) return Optional.empty();
    boolean devices = peaks.size() > 1;
    List<String> suffix =
        Labels.suffixes(
            shown, r -> Labels.framework(r) + "|" + Labels.tableLabel(data, r) + "|" + r.test());
    List<List<Entry>> rows =
        LazyRows.disjoint(
            shown.size(),
            i -> prefillRow(shown.get(i), suffix.get(i), devices),
            i -> List.of(shown.get(i)));
    List<String> headers = new ArrayList<>(List.of("Framework", "Model"));
    if (devices) headers.add("Device");
    headers.addAll(List.of("Test", "tok/s", "TFLOP/s (2 × params)", "% of FP16 peak"));
    List<String> notes = new ArrayList<>();
    for (dev.tokbench.device.Device d : peaks) {
      String who = devices ? d.name() + ": " : "";
      notes.add(
          "Peak: "
              + who
              + fixed(d.peakFp16DenseTflops(), 1)
              + " TFLOPS dense FP16 ("
              + d.source()
              + ").");
    }
    return Optional.of(
        new ReportTable(
            "prefill", "Prompt processing compute", headers, rows, String.join(" ", notes)));
  }

  private List<Entry> prefillRow(BenchResult r, String suffix, boolean devices) {
    var device = data.deviceOf(r).orElseThrow().device();
    long params = params(r);
    double tflops = r.tokensPerSMean() * Prefill.flopsPerToken(params) / 1e12;
    double pct =
        Prefill.utilisationPercent(r.tokensPerSMean(), params, device.peakFp16DenseTflops());
    List<Entry> row = new ArrayList<>();
    row.add(Entry.text(Labels.framework(r)));
    row.add(Entry.text(Labels.tableLabel(data, r) + suffix));
    if (devices) row.add(Entry.text(device.name()));
    row.add(Entry.text(r.test()));
    row.add(number(r.tokensPerSMean(), 2).from(r));
    row.add(number(tflops, 1).from(r));
    row.add(number(pct, 1).from(r));
    return row;
  }

  private long params(BenchResult r) {
    return r.nParams() > 0 ? r.nParams() : data.model(r).map(ModelEntry::nParams).orElse(-1L);
  }

  /** What tells apart rows of one label; the device not, where a column shows it. */
  private List<String> suffixes(List<Judged> rows, boolean devices) {
    return Labels.suffixes(
        rows.stream().map(Judged::row).toList(),
        r ->
            Labels.framework(r)
                + "|"
                + Labels.tableLabel(data, r)
                + (devices ? "|" + data.deviceOf(r).map(d -> d.device().name()).orElse("") : ""));
  }

  private static long deviceCount(List<Judged> rows) {
    return rows.stream().map(j -> j.device().device().name()).distinct().count();
  }

  /** Under the table: the rows measured on devices the catalogue lacks, not computed. */
  private static String notComputed(Map<String, Integer> unknown) {
    if (unknown.isEmpty()) return "";
    List<String> parts = new ArrayList<>();
    unknown.forEach((d, n) -> parts.add(n + (n == 1 ? " row" : " rows") + " on " + d));
    return "\n\nNot computed, no catalogue entry for the device (add it to the folder's devices.csv): "
        + String.join("; ", parts)
        + ".";
  }

  private static Entry number(double v, int decimals) {
    return Entry.number(fixed(v, decimals), v);
  }
}
