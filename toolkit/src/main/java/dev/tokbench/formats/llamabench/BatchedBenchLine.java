package dev.tokbench.formats.llamabench;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of llama-batched-bench's JSONL, checked key by key: every count a whole number, every
 * rate a finite number of at least zero, so that a wrong line is an error naming its key rather
 * than a row with a made-up figure.
 */
final class BatchedBenchLine {
  /** What the rows keep in {@code extra}: the pass's times and its overall rate. */
  private static final List<String> TIMES = List.of("t_pp", "t_tg", "t", "speed");

  private final Map<String, String> fields;
  private final String source;
  private final long line;

  BatchedBenchLine(Map<String, String> fields, String source, long line) {
    this.fields = fields;
    this.source = source;
    this.line = line;
  }

  /** The prompt row (when {@code pp > 0}) and the decode row (when {@code tg > 0}). */
  List<BenchResult> rows(String model, String quant) {
    int pp = count("pp", 0);
    int tg = count("tg", 0);
    int pl = count("pl", 1);
    FlashAttention fa = flashAttention();
    Map<String, String> flags = new TreeMap<>();
    flags.put(BatchedBench.PARALLEL, Integer.toString(pl));
    for (String k : BatchedBench.flagKeys()) {
      if (fields.containsKey(k)) flags.put(k, Long.toString(whole(k)));
    }
    String batchThreads = fields.get("n_threads_batch");
    if (batchThreads != null && !batchThreads.equals(fields.get("n_threads"))) {
      flags.put("n_threads_batch", Long.toString(whole("n_threads_batch")));
    }
    Map<String, String> extra = new TreeMap<>();
    for (String k : TIMES) if (fields.containsKey(k)) extra.put(k, Double.toString(rate(k)));
    if (fields.containsKey("n_kv")) extra.put("n_kv", Long.toString(whole("n_kv")));
    fields.forEach(
        (k, v) -> {
          if (!flags.containsKey(k) && !TIMES.contains(k) && !known(k)) extra.put(k, v);
        });
    Map<String, String> where = Map.of("source", source, "line", Long.toString(line));
    List<BenchResult> out = new ArrayList<>(2);
    BenchResult.Builder b =
        BenchResult.measured(BatchedBench.FRAMEWORK)
            .model(model, quant)
            .flashAttn(fa)
            .flags(flags)
            .provenance(where)
            .extra(extra);
    if (pp > 0) {
      out.add(b.test("pp" + pp, pp, 0, 0).tokensPerS(rate("speed_pp"), Double.NaN, null).build());
    }
    if (tg > 0) {
      String name = LlamaBenchNames.testName(0, tg, pp);
      out.add(b.test(name, 0, tg, pp).tokensPerS(rate("speed_tg"), Double.NaN, null).build());
    }
    return out;
  }

  private static boolean known(String k) {
    return List.of(
            "pp", "tg", "pl", "flash_attn", "speed_pp", "speed_tg", "n_threads_batch", "n_kv")
        .contains(k);
  }

  private FlashAttention flashAttention() {
    String v = fields.get("flash_attn");
    if (v == null) return FlashAttention.NA;
    try {
      return FlashAttention.parse(v);
    } catch (IllegalArgumentException e) {
      throw new BatchedBenchException(source, line, "flash_attn", e.getMessage());
    }
  }

  /** A whole number at least {@code min}; a missing key is an error. */
  private int count(String key, int min) {
    long v = whole(key);
    if (v < min || v > Integer.MAX_VALUE) {
      throw new BatchedBenchException(
          source, line, key, "expected a whole number from " + min + ", got " + v);
    }
    return (int) v;
  }

  private long whole(String key) {
    String v = required(key);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new BatchedBenchException(
          source, line, key, "expected a whole number, got '" + shortened(v) + "'");
    }
  }

  /** A finite number of at least zero (a rate or a time). */
  private double rate(String key) {
    String v = required(key);
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!(d >= 0) || Double.isInfinite(d) || v.endsWith("d") || v.endsWith("f")) {
      throw new BatchedBenchException(
          source, line, key, "expected a finite number >= 0, got '" + shortened(v) + "'");
    }
    return d;
  }

  private String required(String key) {
    String v = fields.get(key);
    if (v == null || v.isEmpty()) {
      throw new BatchedBenchException(source, line, key, "missing; the line has " + keys());
    }
    return v;
  }

  private String keys() {
    String all = String.join(", ", fields.keySet());
    return all.length() > 200 ? all.substring(0, 197) + "..." : all;
  }

  private static String shortened(String v) {
    return v.length() > 60 ? v.substring(0, 57) + "..." : v;
  }
}
