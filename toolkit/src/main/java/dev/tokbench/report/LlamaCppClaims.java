package dev.tokbench.report;

import static dev.tokbench.report.ClaimMath.percentGain;
import static dev.tokbench.report.ClaimMath.share;
import static dev.tokbench.report.ClaimMath.verdict;
import static dev.tokbench.report.ClaimPlaces.LLAMA;
import static dev.tokbench.report.ClaimPlaces.Q4_1B;
import static dev.tokbench.report.ClaimPlaces.Q6_1B;
import static dev.tokbench.report.ClaimPlaces.Q6_3B;
import static dev.tokbench.report.Labels.fixed;
import static dev.tokbench.results.FlashAttention.OFF;
import static dev.tokbench.results.FlashAttention.ON;

import dev.tokbench.bandwidth.Bandwidth;
import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The report's claims about llama.cpp alone: flash attention, quantization, model-size scaling, the
 * fastest model and the variance between repetitions.
 */
final class LlamaCppClaims extends ClaimGroup {
  LlamaCppClaims(DataFolder data) {
    super(data);
  }

  @Override
  List<Claim> all() {
    return List.of(
        faDecode(),
        faPrefill(),
        faAlwaysWorth(),
        q4Faster(),
        q4FullyExploits(),
        llamaScaling(),
        qwenFastest(),
        lowVariance());
  }

  private Claim faDecode() {
    return faGain("fa-decode-gain", "+8-10% on text generation", find::llamaDecode, 8, 10);
  }

  private Claim faPrefill() {
    return faGain("fa-prefill-gain", "+25-30% on prompt processing", find::llamaPrefill, 25, 30);
  }

  private Claim faGain(
      String id,
      String what,
      BiFunction<String, FlashAttention, Optional<Double>> f,
      int lo,
      int hi) {
    String quote = "Flash Attention: " + what + ".";
    List<String> parts = new ArrayList<>();
    int inside = 0;
    for (String m : llamaModels()) {
      Optional<Double> off = f.apply(m, OFF);
      Optional<Double> on = f.apply(m, ON);
      if (off.isEmpty() || on.isEmpty()) continue;
      double gain = percentGain(on.get(), off.get());
      parts.add(m + " +" + fixed(gain, 1) + "%");
      if (Math.round(gain) >= lo && Math.round(gain) <= hi) inside++;
    }
    if (parts.isEmpty())
      return Claim.unchecked(id, LLAMA, quote, "llama.cpp rows with FA off and on");
    return new Claim(
        id,
        LLAMA,
        quote,
        "FA on over off: " + String.join(", ", parts),
        share(inside, parts.size()));
  }

  private Claim faAlwaysWorth() {
    String quote = "Flash Attention … Always worth enabling.";
    List<Double> gains = new ArrayList<>();
    for (String m : llamaModels()) {
      for (var f :
          List.<BiFunction<String, FlashAttention, Optional<Double>>>of(
              find::llamaDecode, find::llamaPrefill)) {
        Optional<Double> off = f.apply(m, OFF);
        Optional<Double> on = f.apply(m, ON);
        if (off.isPresent() && on.isPresent()) gains.add(percentGain(on.get(), off.get()));
      }
    }
    if (gains.isEmpty())
      return Claim.unchecked("fa-always", LLAMA, quote, "llama.cpp rows with FA off and on");
    Range r = Range.of(gains);
    String computed =
        gains.size() + " FA off/on pairs (decode and prompt), gains " + r.format(1) + "%";
    return new Claim("fa-always", LLAMA, quote, computed, verdict(r.min() > 0));
  }

  private Claim q4Faster() {
    String quote = "Q4_K_M is 23% faster than Q6_K on 1B decode (31.51 vs 25.59 tok/s).";
    Optional<Double> q4 = find.llamaDecode(Q4_1B, OFF);
    Optional<Double> q6 = find.llamaDecode(Q6_1B, OFF);
    if (q4.isEmpty() || q6.isEmpty())
      return Claim.unchecked("q4-faster", LLAMA, quote, "1B Q4_K_M and Q6_K decode");
    double gain = percentGain(q4.get(), q6.get());
    String computed =
        fixed(q4.get(), 2) + " ÷ " + fixed(q6.get(), 2) + " = +" + fixed(gain, 1) + "%";
    return new Claim("q4-faster", LLAMA, quote, computed, verdict(Math.round(gain) == 23));
  }

  private Claim q4FullyExploits() {
    String quote = "llama.cpp's hand-tuned CUDA kernels fully exploit the reduced memory traffic.";
    Optional<Double> q4 = find.llamaDecode(Q4_1B, OFF);
    Optional<Double> q6 = find.llamaDecode(Q6_1B, OFF);
    Optional<Bytes> w4 = find.weights(Q4_1B);
    Optional<Bytes> w6 = find.weights(Q6_1B);
    if (q4.isEmpty() || q6.isEmpty() || w4.isEmpty() || w6.isEmpty()) {
      return Claim.unchecked("q4-traffic", LLAMA, quote, "1B Q4_K_M and Q6_K decode and sizes");
    }
    double bytes = w6.get().ratioTo(w4.get());
    double speed = q4.get() / q6.get();
    String computed =
        "Q6_K/Q4_K_M size "
            + fixed(bytes, 3)
            + "× would allow +"
            + fixed((bytes - 1) * 100, 1)
            + "% at equal bandwidth; measured +"
            + fixed((speed - 1) * 100, 1)
            + "%: weights × tok/s falls from "
            + fixed(Bandwidth.effective(w6.get(), q6.get()).gbPerS(), 1)
            + " to "
            + fixed(Bandwidth.effective(w4.get(), q4.get()).gbPerS(), 1)
            + " GB/s";
    return new Claim("q4-traffic", LLAMA, quote, computed, verdict(speed >= 0.95 * bytes));
  }

  private Claim llamaScaling() {
    String quote = "Scaling: 3B Q6_K decode is 2.3× slower than 1B Q6_K decode.";
    Optional<Double> one = find.llamaDecode(Q6_1B, OFF);
    Optional<Double> three = find.llamaDecode(Q6_3B, OFF);
    if (one.isEmpty() || three.isEmpty())
      return Claim.unchecked("llama-scaling", LLAMA, quote, "llama.cpp 1B and 3B Q6_K decode");
    double x = one.get() / three.get();
    Optional<Double> fa =
        find.llamaDecode(Q6_1B, ON).flatMap(a -> find.llamaDecode(Q6_3B, ON).map(b -> a / b));
    String computed =
        "FA off " + fixed(x, 2) + "×" + fa.map(f -> ", FA on " + fixed(f, 2) + "×").orElse("");
    return new Claim("llama-scaling", LLAMA, quote, computed, verdict(fixed(x, 1).equals("2.3")));
  }

  private Claim qwenFastest() {
    String quote = "Qwen3 0.6B is fastest: 37.40 tok/s — smallest model, highest throughput.";
    Optional<BenchResult> top =
        find.rows(r -> Labels.decode(r) && r.framework().equals("llama.cpp")).stream()
            .max(java.util.Comparator.comparingDouble(BenchResult::tokensPerSMean));
    Optional<ModelEntry> smallest =
        data.models().stream()
            .filter(m -> m.size() != null)
            .min(java.util.Comparator.comparingDouble(m -> m.size().bytes()));
    if (top.isEmpty() || smallest.isEmpty())
      return Claim.unchecked("qwen-fastest", LLAMA, quote, "llama.cpp decode rows and model sizes");
    String fastest = Labels.chartLabel(data, top.get());
    String computed =
        "fastest decode "
            + fastest
            + " "
            + fixed(top.get().tokensPerSMean(), 2)
            + " tok/s; smallest file "
            + smallest.get().chartLabel()
            + " "
            + smallest.get().size();
    boolean holds =
        fastest.startsWith("Qwen3 0.6B") && smallest.get().chartLabel().startsWith("Qwen3 0.6B");
    return new Claim("qwen-fastest", LLAMA, quote, computed, verdict(holds));
  }

  private Claim lowVariance() {
    String quote = "Very low variance: Standard deviations under 0.25 tok/s across 3 runs.";
    List<BenchResult> llama =
        find.rows(r -> r.framework().equals("llama.cpp") && !Double.isNaN(r.tokensPerSStddev()));
    if (llama.isEmpty())
      return Claim.unchecked("low-variance", LLAMA, quote, "llama.cpp standard deviations");
    double tg = maxStddev(llama, true);
    double pp = maxStddev(llama, false);
    String computed =
        "largest stddev: decode "
            + fixed(tg, 2)
            + " tok/s, prompt processing "
            + fixed(pp, 2)
            + " tok/s";
    Verdict v =
        tg < 0.25 && pp < 0.25
            ? Verdict.HOLDS
            : tg < 0.25 || pp < 0.25 ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
    return new Claim("low-variance", LLAMA, quote, computed, v);
  }

  private static double maxStddev(List<BenchResult> rows, boolean decode) {
    return rows.stream()
        .filter(r -> r.test().startsWith("tg") == decode)
        .mapToDouble(BenchResult::tokensPerSStddev)
        .max()
        .orElse(Double.NaN);
  }

  private List<String> llamaModels() {
    return find.rows(r -> r.framework().equals("llama.cpp")).stream()
        .map(r -> Labels.chartLabel(data, r))
        .distinct()
        .toList();
  }
}
