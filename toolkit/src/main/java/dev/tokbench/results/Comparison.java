package dev.tokbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Two result sets side by side in the manner of llama.cpp's {@code scripts/compare-llama-bench.py}:
 * rows matched on a key, with {@code t/s baseline}, {@code t/s candidate} and {@code Speedup =
 * candidate ÷ baseline}. Rows without a partner are left out.
 *
 * <pre>{@code
 * Comparison.of("off", faOff, "on", faOn, Comparison.IGNORING_FLASH_ATTENTION).table()
 * }</pre>
 *
 * @param baselineName the baseline's name in headers
 * @param candidateName the candidate's name in headers
 * @param rows the matched pairs, in baseline order
 */
public record Comparison(String baselineName, String candidateName, List<Pair> rows) {
  /** Same framework, backend, model, quantization, flash attention, test and depth. */
  public static final Function<BenchResult, String> SAME_TEST =
      r ->
          String.join(
              "|",
              r.framework(),
              r.backend(),
              r.model(),
              r.quant(),
              r.flashAttn().label(),
              r.test(),
              "" + r.nDepth());

  /** As {@link #SAME_TEST} without flash attention: compares FA off with FA on. */
  public static final Function<BenchResult, String> IGNORING_FLASH_ATTENTION =
      r ->
          String.join(
              "|", r.framework(), r.backend(), r.model(), r.quant(), r.test(), "" + r.nDepth());

  /** Model, quantization, flash attention and test only: compares devices or frameworks. */
  public static final Function<BenchResult, String> SAME_MODEL_AND_TEST =
      r -> String.join("|", r.model(), r.quant(), r.flashAttn().label(), r.test(), "" + r.nDepth());

  public Comparison {
    rows = List.copyOf(rows);
  }

  /**
   * A baseline row and the candidate row with the same key.
   *
   * @param baseline the baseline measurement
   * @param candidate the candidate measurement
   */
  public record Pair(BenchResult baseline, BenchResult candidate) {
    /** candidate ÷ baseline tokens/s, e.g. 1.086 for FA's decode gain on the 1B Q6_K. */
    public double speedup() {
      return candidate.tokensPerSMean() / baseline.tokensPerSMean();
    }

    /** The speedup with its 95 % confidence interval and Welch's test ({@link Speedup}). */
    public Speedup statistics() {
      return Speedup.of(Pooled.of(List.of(baseline)), Pooled.of(List.of(candidate)));
    }
  }

  /** Matches measured rows of {@code baseline} and {@code candidate} with the same key. */
  public static Comparison of(
      String baselineName,
      List<BenchResult> baseline,
      String candidateName,
      List<BenchResult> candidate,
      Function<BenchResult, ?> key) {
    Map<Object, BenchResult> byKey = new LinkedHashMap<>();
    for (BenchResult c : candidate) if (c.ok()) byKey.putIfAbsent(key.apply(c), c);
    List<Pair> pairs = new ArrayList<>();
    for (BenchResult b : baseline) {
      BenchResult c = b.ok() ? byKey.get(key.apply(b)) : null;
      if (c != null) pairs.add(new Pair(b, c));
    }
    return new Comparison(baselineName, candidateName, pairs);
  }

  /**
   * Pairs the configurations of {@code baseline} and {@code candidate} that agree on every setting
   * except those {@code ignoring} names ({@link Settings}: {@code device}, {@code commit}, {@code
   * flash_attn} …), each side's repeats merged first. A setting only one side states is not
   * compared. {@link #differing} finds what to ignore when it is not named.
   */
  public static Comparison bySettings(
      String baselineName,
      List<BenchResult> baseline,
      String candidateName,
      List<BenchResult> candidate,
      java.util.Collection<String> ignoring) {
    return bySettings(
        baselineName, baseline, Settings::of, candidateName, candidate, Settings::of, ignoring);
  }

  /**
   * As {@link #bySettings(String, List, String, List, java.util.Collection)}, each side's settings
   * made by its own function (e.g. naming models by a folder's inventory labels).
   */
  public static Comparison bySettings(
      String baselineName,
      List<BenchResult> baseline,
      Function<BenchResult, Settings> baselineSettings,
      String candidateName,
      List<BenchResult> candidate,
      Function<BenchResult, Settings> candidateSettings,
      java.util.Collection<String> ignoring) {
    List<MergedRuns> base = Repeats.merge(baseline, baselineSettings);
    List<MergedRuns> cand = Repeats.merge(candidate, candidateSettings);
    java.util.Set<String> skip = new java.util.HashSet<>(ignoring);
    skip.addAll(onlyOneSide(base, cand));
    Map<Settings, MergedRuns> byKey = new LinkedHashMap<>();
    for (MergedRuns c : cand) byKey.putIfAbsent(c.settings().without(skip), c);
    List<Pair> pairs = new ArrayList<>();
    for (MergedRuns b : base) {
      MergedRuns c = byKey.get(b.settings().without(skip));
      if (c != null) pairs.add(new Pair(b.asRow(), c.asRow()));
    }
    return new Comparison(baselineName, candidateName, pairs);
  }

  /**
   * The settings that tell two sets apart: each the same within a side but different between them
   * (the device of two machines, the commit of two builds); in display order.
   */
  public static List<String> differing(List<BenchResult> baseline, List<BenchResult> candidate) {
    return differingSettings(
        baseline.stream().map(Settings::of).toList(),
        candidate.stream().map(Settings::of).toList());
  }

  /** As {@link #differing}, over each side's settings. */
  public static List<String> differingSettings(List<Settings> baseline, List<Settings> candidate) {
    Variation b = Variation.of(baseline);
    Variation c = Variation.of(candidate);
    List<String> out = new ArrayList<>();
    b.constant()
        .forEach(
            (name, value) -> {
              String other = c.constant().get(name);
              if (other != null && !other.equals(value)) out.add(name);
            });
    return out;
  }

  /** Settings that one side states and the other never does: not comparable, so not compared. */
  private static java.util.Set<String> onlyOneSide(List<MergedRuns> a, List<MergedRuns> b) {
    java.util.Set<String> inA = new java.util.HashSet<>();
    java.util.Set<String> inB = new java.util.HashSet<>();
    a.forEach(m -> inA.addAll(m.settings().names()));
    b.forEach(m -> inB.addAll(m.settings().names()));
    java.util.Set<String> out = new java.util.HashSet<>(inA);
    out.addAll(inB);
    inA.retainAll(inB);
    out.removeAll(inA);
    return out;
  }

  /** The smallest and largest speedup; there must be at least one pair. */
  public Range speedupRange() {
    return Range.of(rows.stream().map(Pair::speedup).toList());
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Comparison[%s vs %s: %d pairs, speedup %s]",
        baselineName,
        candidateName,
        rows.size(),
        rows.isEmpty() ? "-" : speedupRange().toString());
  }
}
