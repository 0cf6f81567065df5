package dev.tokbench.report;

import static dev.tokbench.report.ClaimMath.percentGain;
import static dev.tokbench.report.ClaimMath.share;
import static dev.tokbench.report.ClaimMath.verdict;
import static dev.tokbench.report.ClaimPlaces.Q4_1B;
import static dev.tokbench.report.ClaimPlaces.Q6_1B;
import static dev.tokbench.report.ClaimPlaces.Q6_3B;
import static dev.tokbench.report.ClaimPlaces.SUMMARY;
import static dev.tokbench.report.ClaimPlaces.TINYGRAD;
import static dev.tokbench.report.Labels.fixed;
import static dev.tokbench.results.FlashAttention.OFF;
import static dev.tokbench.results.FlashAttention.ON;

import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's claims about tinygrad against llama.cpp: the framework count and gap, tinygrad's
 * backends, quantization and scaling, and the BEAM cache. Models are named by chart label ({@code
 * LLaMA 1B Q6_K}) so that the same claims run on any folder that has those models.
 */
final class FrameworkClaims extends ClaimGroup {
  FrameworkClaims(DataFolder data) {
    super(data);
  }

  @Override
  List<Claim> all() {
    return List.of(
        frameworkCount(),
        llamaLead(),
        llamaLead1b(),
        nvOverCuda(),
        tinygradQuantNegligible(),
        tinygradScaling(),
        paramsRatio(),
        beamGain(),
        beamAhead());
  }

  private Claim frameworkCount() {
    String quote =
        "We benchmarked three LLM inference frameworks … Two worked out of the box (tinygrad,"
            + " llama.cpp); two could not be installed without Docker (vLLM, MLC LLM).";
    List<String> all = data.results().stream().map(BenchResult::framework).distinct().toList();
    if (all.size() < 2) {
      return Claim.unchecked("framework-count", SUMMARY, quote, "one framework in this folder");
    }
    long ran = data.merged().stream().map(BenchResult::framework).distinct().count();
    long missing =
        data.results().stream()
            .filter(r -> r.status() == dev.tokbench.results.Status.NOT_INSTALLED)
            .map(BenchResult::framework)
            .distinct()
            .count();
    String computed =
        all.size()
            + " frameworks in the data "
            + all
            + ": "
            + ran
            + " measured, "
            + missing
            + " not installed"
            + (ran + missing == all.size()
                ? " (" + ran + " + " + missing + " = " + all.size() + ")"
                : "");
    Verdict v =
        all.size() == 3 && ran == 2 && missing == 2
            ? Verdict.HOLDS
            : ran == 2 && missing == 2 ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
    return new Claim("framework-count", SUMMARY, quote, computed, v);
  }

  /** llama.cpp ÷ tinygrad decode over both backends, for the given models and FA setting. */
  private List<Double> leads(List<String> models, FlashAttention fa) {
    List<Double> out = new ArrayList<>();
    for (String m : models) {
      for (String backend : List.of("NV", "CUDA")) {
        Optional<Double> l = find.llamaDecode(m, fa);
        Optional<Double> t = find.tinygrad(m, backend);
        if (l.isPresent() && t.isPresent()) out.add(l.get() / t.get());
      }
    }
    return out;
  }

  private Claim llamaLead() {
    String quote =
        "llama.cpp leads on text generation by 3.4-3.8× over tinygrad (without BEAM cache).";
    List<Double> off = leads(List.of(Q6_1B, Q6_3B), OFF);
    if (off.isEmpty())
      return Claim.unchecked(
          "llama-lead", SUMMARY, quote, "llama.cpp and tinygrad decode of the Q6_K models");
    List<Double> on = leads(List.of(Q6_1B, Q6_3B), ON);
    List<Double> q4 = leads(List.of(Q4_1B), OFF);
    q4.addAll(leads(List.of(Q4_1B), ON));
    Range r = Range.of(off);
    String computed =
        "llama.cpp without FA over tinygrad NV and CUDA, 1B and 3B Q6_K (the summary table's"
            + " pairs): "
            + r
            + "× ("
            + r.format(1)
            + " rounded)"
            + (on.isEmpty() ? "" : "; with FA: " + Range.of(on) + "×")
            + (q4.isEmpty() ? "" : "; 1B Q4_K_M, FA off and on: " + Range.of(q4) + "×");
    boolean pairs = r.format(1).equals("3.4-3.8");
    boolean all = on.isEmpty() && q4.isEmpty();
    Verdict v = !pairs ? Verdict.DOES_NOT_HOLD : all ? Verdict.HOLDS : Verdict.PARTLY;
    return new Claim(
        "llama-lead", SUMMARY, quote, computed + "; holds only for the pairs without FA", v);
  }

  private Claim llamaLead1b() {
    String quote = "Why is llama.cpp 3.4× faster?";
    String section = "5. Analysis";
    Optional<Double> l = find.llamaDecode(Q6_1B, OFF);
    Optional<Double> t = find.tinygrad(Q6_1B, "NV");
    if (l.isEmpty() || t.isEmpty())
      return Claim.unchecked("llama-lead-1b", section, quote, "1B Q6_K decode of both");
    double x = l.get() / t.get();
    String computed =
        "1B Q6_K, llama.cpp "
            + fixed(l.get(), 2)
            + " ÷ tinygrad NV=1 "
            + fixed(t.get(), 2)
            + " = "
            + fixed(x, 2)
            + "×";
    return new Claim("llama-lead-1b", section, quote, computed, verdict(fixed(x, 1).equals("3.4")));
  }

  private Claim nvOverCuda() {
    String quote = "tinygrad's NV backend is ~2% faster than its CUDA backend consistently.";
    List<String> parts = new ArrayList<>();
    int near = 0;
    for (String m : List.of(Q6_1B, Q4_1B, Q6_3B)) {
      Optional<Double> nv = find.tinygrad(m, "NV");
      Optional<Double> cuda = find.tinygrad(m, "CUDA");
      if (nv.isEmpty() || cuda.isEmpty()) continue;
      double gain = percentGain(nv.get(), cuda.get());
      parts.add(m + " +" + fixed(gain, 1) + "%");
      if (gain >= 1.5 && gain < 2.5) near++;
    }
    if (parts.isEmpty())
      return Claim.unchecked("nv-over-cuda", SUMMARY, quote, "tinygrad NV and CUDA rows");
    String computed = "NV over CUDA: " + String.join(", ", parts);
    return new Claim("nv-over-cuda", SUMMARY, quote, computed, share(near, parts.size()));
  }

  private Claim tinygradQuantNegligible() {
    String quote = "Quantization impact negligible: Q4_K_M is the same speed as Q6_K on tinygrad.";
    List<String> parts = new ArrayList<>();
    boolean small = true;
    for (String b : List.of("NV", "CUDA")) {
      Optional<Double> q4 = find.tinygrad(Q4_1B, b);
      Optional<Double> q6 = find.tinygrad(Q6_1B, b);
      if (q4.isEmpty() || q6.isEmpty()) continue;
      double gain = percentGain(q4.get(), q6.get());
      parts.add(b + " " + fixed(gain, 1) + "%");
      small &= Math.abs(gain) < 2;
    }
    if (parts.isEmpty())
      return Claim.unchecked("tinygrad-quant", TINYGRAD, quote, "tinygrad 1B Q4_K_M and Q6_K rows");
    return new Claim(
        "tinygrad-quant",
        TINYGRAD,
        quote,
        "Q4_K_M over Q6_K: " + String.join(", ", parts),
        verdict(small));
  }

  private Claim tinygradScaling() {
    String quote = "3B scales linearly: 3B is ~2.6× slower than 1B.";
    List<Double> ratios = new ArrayList<>();
    for (String b : List.of("NV", "CUDA")) {
      Optional<Double> one = find.tinygrad(Q6_1B, b);
      Optional<Double> three = find.tinygrad(Q6_3B, b);
      if (one.isPresent() && three.isPresent()) ratios.add(one.get() / three.get());
    }
    if (ratios.isEmpty())
      return Claim.unchecked("tinygrad-scaling", TINYGRAD, quote, "tinygrad 1B and 3B Q6_K rows");
    Range r = Range.of(ratios);
    String computed = "1B ÷ 3B Q6_K decode, NV and CUDA: " + r + "×";
    return new Claim("tinygrad-scaling", TINYGRAD, quote, computed, verdict(r.within(2.5, 2.7)));
  }

  private Claim paramsRatio() {
    String quote = "matching the ~2.5× increase in parameters (2.57 GB vs 1.04 GB).";
    Optional<Bytes> one = find.weights(Q6_1B);
    Optional<Bytes> three = find.weights(Q6_3B);
    if (one.isEmpty() || three.isEmpty()) {
      return Claim.unchecked("params-ratio", TINYGRAD, quote, "sizes of the 1B and 3B Q6_K models");
    }
    double bytes = three.get().ratioTo(one.get());
    String computed = "the figures quoted are sizes: " + fixed(bytes, 2) + "× in bytes";
    Optional<Double> params =
        find.parameters(Q6_3B).flatMap(a -> find.parameters(Q6_1B).map(b -> (double) a / b));
    if (params.isPresent()) {
      computed += "; parameters (llama-bench model_n_params): " + fixed(params.get(), 2) + "×";
    }
    boolean holds =
        Math.abs(bytes - 2.5) <= 0.1 && params.map(p -> Math.abs(p - 2.5) <= 0.15).orElse(true);
    return new Claim("params-ratio", TINYGRAD, quote, computed, verdict(holds));
  }

  private Claim beamGain() {
    String quote =
        "With a warm BEAM cache, prior sessions achieved ~36.7 tok/s on the same 1B Q6_K model. Without it, we get 7.6.";
    String section = "1. tinygrad Results — Observations";
    Optional<QuotedFigure> beam = data.quotedFigure("tinygrad_beam_warm_decode");
    Optional<Double> nv = find.tinygrad(Q6_1B, "NV");
    if (beam.isEmpty() || nv.isEmpty())
      return Claim.unchecked(
          "beam-gain", section, quote, "the quoted BEAM figure and tinygrad NV 1B Q6_K");
    double x = beam.get().value() / nv.get();
    String computed =
        "quoted "
            + fixed(beam.get().value(), 2)
            + " tok/s (prior session, not in the tables) vs measured "
            + fixed(nv.get(), 2)
            + " = "
            + fixed(x, 2)
            + "× faster with BEAM";
    return new Claim(
        "beam-gain",
        section,
        quote,
        computed,
        verdict(fixed(nv.get(), 1).equals("7.6") && fixed(beam.get().value(), 1).equals("36.7")));
  }

  private Claim beamAhead() {
    String quote =
        "36.71 tok/s … would put it ahead of llama.cpp's 25.59 tok/s (non-FA) and competitive with FA-enabled.";
    String section = "5. Analysis — The BEAM Gap";
    Optional<QuotedFigure> beam = data.quotedFigure("tinygrad_beam_warm_decode");
    Optional<Double> off = find.llamaDecode(Q6_1B, OFF);
    Optional<Double> on = find.llamaDecode(Q6_1B, ON);
    if (beam.isEmpty() || off.isEmpty() || on.isEmpty())
      return Claim.unchecked(
          "beam-ahead", section, quote, "the quoted BEAM figure and llama.cpp 1B Q6_K");
    double b = beam.get().value();
    String computed =
        "+"
            + fixed(percentGain(b, off.get()), 1)
            + "% over llama.cpp "
            + fixed(off.get(), 2)
            + ", +"
            + fixed(percentGain(b, on.get()), 1)
            + "% over +FA "
            + fixed(on.get(), 2)
            + ": ahead of both, more than competitive";
    return new Claim(
        "beam-ahead", section, quote, computed, verdict(b > off.get() && b >= 0.9 * on.get()));
  }
}
