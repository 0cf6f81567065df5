package dev.tokbench.report;

import static dev.tokbench.report.ClaimMath.verdict;
import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.bandwidth.Bandwidth;
import dev.tokbench.bandwidth.ByteUnit;
import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.gguf.GgmlType;
import dev.tokbench.results.FlashAttention;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's claims about bandwidth and memory: every "% of theoretical" recomputed from the
 * table's own inputs, the llama.cpp estimates, the device's bandwidth, tinygrad's consistency
 * between tok/s and ms/tok, and what fits in memory.
 */
final class BandwidthClaims extends ClaimGroup {
  private static final String SECTION = "5. Analysis — Memory Bandwidth Utilization";

  BandwidthClaims(DataFolder data) {
    super(data);
  }

  @Override
  List<Claim> all() {
    List<Claim> out = new ArrayList<>();
    for (String row :
        List.of(
            "tinygrad_nv_1b_q6k",
            "tinygrad_nv_3b_q6k",
            "llama_cpp_1b_q6k",
            "llama_cpp_fa_1b_q6k")) {
      out.add(percentOfTheoretical(row));
    }
    out.add(estimate("llama_cpp_1b_q6k", FlashAttention.OFF));
    out.add(estimate("llama_cpp_fa_1b_q6k", FlashAttention.ON));
    out.add(tinygradHigher());
    out.add(theoretical());
    out.add(msPerToken());
    out.add(enqueueLatency());
    out.add(fits70b());
    out.add(size8b());
    return out;
  }

  /** A published "% of theoretical" against its own row's bandwidth ÷ the stated theoretical. */
  private Claim percentOfTheoretical(String row) {
    String id = "bandwidth-percent-" + row.replace('_', '-');
    Optional<QuotedFigure> bw = data.quotedFigure("bandwidth_" + row);
    Optional<QuotedFigure> pct = data.quotedFigure("bandwidth_percent_" + row);
    if (bw.isEmpty() || pct.isEmpty())
      return Claim.unchecked(id, SECTION, row, "the published row in quoted.csv");
    Bandwidth theoretical = data.device().theoretical();
    double computed = Bandwidth.gbPerS(bw.get().value()).percentOf(theoretical);
    String text =
        fixed(bw.get().value(), 1)
            + " GB/s ÷ "
            + theoretical
            + " = "
            + fixed(computed, 2)
            + "%, "
            + fixed(computed, 1)
            + "% at the published precision; published "
            + fixed(pct.get().value(), 1)
            + "%";
    boolean same = fixed(computed, 1).equals(fixed(pct.get().value(), 1));
    return new Claim(id, SECTION, pct.get().quote(), text, verdict(same));
  }

  /** The report's "~x GB/s*" as model size × tok/s. */
  private Claim estimate(String row, FlashAttention fa) {
    String id = "bandwidth-estimate-" + row.replace('_', '-');
    Optional<QuotedFigure> published = data.quotedFigure("bandwidth_" + row);
    Optional<Double> tps = find.llamaDecode("LLaMA 1B Q6_K", fa);
    Optional<ModelEntry> m =
        data.models().stream().filter(e -> e.chartLabel().equals("LLaMA 1B Q6_K")).findFirst();
    if (published.isEmpty() || tps.isEmpty() || m.isEmpty() || m.get().size() == null) {
      return Claim.unchecked(
          id, SECTION, row, "the published estimate, the decode speed and the size");
    }
    Bandwidth bw = Bandwidth.effective(m.get().size(), tps.get());
    String text =
        m.get().size()
            + " × "
            + fixed(tps.get(), 2)
            + " tok/s = "
            + fixed(bw.gbPerS(), 2)
            + " GB/s; published ~"
            + fixed(published.get().value(), 1);
    String quote =
        "*llama.cpp bandwidth estimated from: model_size × tok/s — " + published.get().quote();
    return new Claim(
        id,
        SECTION,
        quote,
        text,
        verdict(fixed(bw.gbPerS(), 1).equals(fixed(published.get().value(), 1))));
  }

  private Claim tinygradHigher() {
    String quote = "tinygrad reports higher bandwidth utilization than llama.cpp.";
    List<Double> tiny = new ArrayList<>();
    List<Double> llama = new ArrayList<>();
    for (var r : data.merged()) {
      String printed = r.extra().get("memory_bandwidth_gb_per_s");
      Bytes w = Labels.weights(data, r);
      if (printed != null) tiny.add(Double.parseDouble(printed));
      else if (r.framework().equals("llama.cpp") && Labels.decode(r) && w != null)
        llama.add(w.in(ByteUnit.GB) * r.tokensPerSMean());
    }
    if (tiny.isEmpty() || llama.isEmpty())
      return Claim.unchecked(
          "tinygrad-higher-bandwidth", SECTION, quote, "tinygrad bandwidth and llama.cpp decode");
    var t = dev.tokbench.results.Range.of(tiny);
    var l = dev.tokbench.results.Range.of(llama);
    String text =
        "tinygrad printed "
            + t.format(1)
            + " GB/s; llama.cpp weights × tok/s "
            + l.format(1)
            + " GB/s";
    return new Claim("tinygrad-higher-bandwidth", SECTION, quote, text, verdict(t.min() > l.max()));
  }

  private Claim theoretical() {
    String quote = "Theoretical memory bandwidth: ~205 GB/s (practical ~102 GB/s)";
    var d = data.device();
    String text =
        "catalogue: "
            + d.device().name()
            + " "
            + d.device().theoretical()
            + " ("
            + d.device().source()
            + "); stated "
            + d.theoretical()
            + d.practicalBandwidth()
                .map(
                    p ->
                        ", practical "
                            + p
                            + " = "
                            + fixed(p.percentOf(d.theoretical()), 1)
                            + "% of theoretical, not measured here")
                .orElse("");
    boolean same =
        Math.round(d.device().theoretical().gbPerS()) == Math.round(d.theoretical().gbPerS());
    return new Claim("theoretical-bandwidth", "header", quote, text, verdict(same));
  }

  private Claim msPerToken() {
    String quote = "tinygrad tables: tok/s and ms/tok of each row";
    String section = "1. tinygrad Results";
    List<String> off = new ArrayList<>();
    int n = 0;
    for (var r : data.merged()) {
      String ms = r.extra().get("ms_per_token");
      if (ms == null) continue;
      n++;
      double fromMs = 1000 / Double.parseDouble(ms);
      // both were rounded: tok/s to 0.01, ms/tok to 0.1; agree when the intervals overlap
      double lo = 1000 / (Double.parseDouble(ms) + 0.05);
      double hi = 1000 / (Double.parseDouble(ms) - 0.05);
      if (r.tokensPerSMean() + 0.005 < lo || r.tokensPerSMean() - 0.005 > hi)
        off.add(Labels.framework(r) + " " + fixed(fromMs, 3));
    }
    if (n == 0) return Claim.unchecked("tinygrad-ms-per-token", section, quote, "tinygrad ms/tok");
    String text =
        n
            + " rows: 1000 ÷ ms/tok agrees with tok/s within rounding"
            + (off.isEmpty() ? "" : " except " + off);
    return new Claim(
        "tinygrad-ms-per-token", section, quote, text, ClaimMath.share(n - off.size(), n));
  }

  private Claim enqueueLatency() {
    String quote =
        "Lower enqueue latency (3.8 ms NV vs 12.3 ms CUDA) thanks to direct ioctl submission";
    String section = "1. tinygrad Results — Observations";
    Optional<QuotedFigure> nv = data.quotedFigure("tinygrad_enqueue_latency_nv");
    Optional<QuotedFigure> cuda = data.quotedFigure("tinygrad_enqueue_latency_cuda");
    List<String> gaps = new ArrayList<>();
    for (String m : List.of("LLaMA 1B Q6_K", "LLaMA 3B Q6_K")) {
      Optional<Double> a = find.tinygrad(m, "NV");
      Optional<Double> b = find.tinygrad(m, "CUDA");
      if (a.isPresent() && b.isPresent())
        gaps.add(m + " " + fixed(1000 / b.get() - 1000 / a.get(), 1) + " ms/token");
    }
    if (nv.isEmpty() || cuda.isEmpty() || gaps.isEmpty())
      return Claim.unchecked(
          "enqueue-latency", section, quote, "quoted latencies and tinygrad rows");
    String text =
        "latencies are not in the data; their gap "
            + fixed(cuda.get().value() - nv.get().value(), 1)
            + " ms exceeds the measured per-token gap ("
            + String.join(", ", gaps)
            + "), so it is not paid once per token";
    return new Claim("enqueue-latency", section, quote, text, Verdict.NOT_CHECKABLE);
  }

  private Claim fits70b() {
    String quote = "With 61 GB RAM, even 70B Q4 might fit.";
    Optional<QuotedFigure> ram = data.quotedFigure("ram");
    if (ram.isEmpty()) return Claim.unchecked("fits-70b", "8. Next Steps", quote, "the RAM size");
    double gb = 70e9 * GgmlType.Q4_K.bitsPerWeight() / 8 / 1e9;
    String text =
        "70e9 parameters × "
            + GgmlType.Q4_K.bitsPerWeight()
            + " bits (Q4_K) = "
            + fixed(gb, 1)
            + " GB of weights, under "
            + fixed(ram.get().value(), 0)
            + " GB";
    return new Claim("fits-70b", "8. Next Steps", quote, text, verdict(gb < ram.get().value()));
  }

  private Claim size8b() {
    String quote = "Larger models: Try 8B models (would need ~5-8 GB depending on quant).";
    List<String> parts = new ArrayList<>();
    for (GgmlType t : List.of(GgmlType.Q4_K, GgmlType.Q5_K, GgmlType.Q6_K, GgmlType.Q8_0)) {
      parts.add(t + " " + fixed(8e9 * t.bitsPerWeight() / 8 / 1e9, 1) + " GB");
    }
    String text =
        "8e9 parameters: " + String.join(", ", parts) + "; Q4_K is under 5 GB and Q8_0 over 8 GB";
    return new Claim("size-8b", "8. Next Steps", quote, text, Verdict.PARTLY);
  }
}
