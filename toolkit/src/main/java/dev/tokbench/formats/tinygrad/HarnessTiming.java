package dev.tokbench.formats.tinygrad;

import dev.tokbench.results.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The samples of one harness test, recomputed from its raw times with a warm-up rule applied to the
 * calls in the order they ran: for a prompt, every call (the harness's own warm-up calls first);
 * for decode, every token of every rep, so TinyJit's two calls fall in the first rep.
 *
 * @param samples tokens per second, one per timed prompt call or per decode rep
 * @param calls timed calls in all, warm-up included
 * @param extra the raw times and the warm-up applied, for {@code BenchResult.extra}
 */
record HarnessTiming(List<Double> samples, int calls, Map<String, String> extra) {
  static final HarnessTiming NONE = new HarnessTiming(List.of(), 0, Map.of());

  static HarnessTiming prompt(HarnessLine l, int nPrompt, WarmupRule rule) {
    List<Double> ms = new ArrayList<>(l.numbers("warmup_ms"));
    ms.addAll(l.numbers("rep_ms"));
    List<Double> rates = ms.stream().map(t -> nPrompt * 1e3 / t).toList();
    int warm = rule.warmupTokens(rates);
    List<Double> samples = rates.subList(warm, rates.size());
    Map<String, String> e = warmup(rule, warm, samples.size());
    e.put("call_ms", join(ms));
    clock(l, ms.size(), e);
    e.put("median_tok_s", TinygradRow.fmt(Stats.median(samples)));
    return new HarnessTiming(List.copyOf(samples), ms.size(), e);
  }

  static HarnessTiming decode(HarnessLine l, int nGen, WarmupRule rule) {
    List<List<Double>> reps = l.nested("token_ms");
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < reps.size(); i++) {
      if (reps.get(i).size() != nGen) {
        throw l.error("key 'token_ms[" + i + "]': " + reps.get(i).size() + " tokens, not " + nGen);
      }
      reps.get(i).forEach(t -> rates.add(1e3 / t));
    }
    int warm = rule.warmupTokens(rates);
    List<Double> samples = new ArrayList<>();
    for (int i = 0, first = 0; i < reps.size(); i++, first += nGen) {
      List<Double> kept = reps.get(i).subList(Math.min(nGen, Math.max(0, warm - first)), nGen);
      if (!kept.isEmpty()) samples.add(kept.size() * 1e3 / kept.stream().mapToDouble(d -> d).sum());
    }
    Map<String, String> e = warmup(rule, warm, rates.size() - warm);
    e.put("token_ms", reps.stream().map(HarnessTiming::join).collect(Collectors.joining(" | ")));
    clock(l, rates.size(), e);
    e.put("median_tok_s", TinygradRow.fmt(Stats.median(rates.subList(warm, rates.size()))));
    return new HarnessTiming(List.copyOf(samples), rates.size(), e);
  }

  /**
   * When each call started, as milliseconds before the line was written ({@code call_start_ago_ms},
   * harnesses from 2026-12-01 on): with the line's arrival, the calls' own windows for energy
   * attribution. Older lines lack it.
   */
  private static void clock(HarnessLine l, int calls, Map<String, String> e) {
    if (!l.has("call_start_ago_ms")) return;
    List<Double> ago = l.numbers("call_start_ago_ms");
    if (ago.size() != calls) {
      throw l.error("key 'call_start_ago_ms': " + ago.size() + " starts for " + calls + " calls");
    }
    e.put("call_start_ago_ms", join(ago));
  }

  private static Map<String, String> warmup(WarmupRule rule, int warm, int kept) {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("warmup_rule", rule.describe());
    e.put("warmup_calls", Integer.toString(warm));
    e.put("calls_kept", Integer.toString(kept));
    return e;
  }

  private static String join(List<Double> ms) {
    return ms.stream().map(TinygradRow::fmt).collect(Collectors.joining(" "));
  }
}
