package dev.tokbench.formats.tinygrad;

import dev.tokbench.formats.llamabench.LlamaBenchNames;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Stats;
import dev.tokbench.results.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One harness line as rows named like llama-bench's: a {@code pp} line is test {@code pp512} with
 * one sample per timed call (prompt tokens over its time), a {@code tg} line is {@code tg128} with
 * one sample per rep (its kept tokens over their time), so both compare with llama-bench's {@code
 * avg_ts}. The samples are recomputed here from the raw times with the warm-up rule; an {@code
 * error} line is one failed row per test it did not finish.
 */
final class TinygradBenchRow {
  private static final Pattern TEST = Pattern.compile("^(pp|tg)(\\d+)(?: @ d(\\d+))?$");

  private TinygradBenchRow() {}

  static BenchResult measured(HarnessLine l, WarmupRule rule, Map<String, String> provenance) {
    String kind = l.text("kind");
    int nPrompt = l.count("n_prompt");
    int nGen = l.count("n_gen");
    int nDepth = l.count("n_depth");
    boolean pp = kind.equals("pp");
    if (pp ? nPrompt == 0 || nGen != 0 : nGen == 0 || nPrompt != 0) {
      throw l.error(kind + " line with n_prompt=" + nPrompt + " and n_gen=" + nGen);
    }
    String test = LlamaBenchNames.testName(nPrompt, nGen, nDepth);
    if (!test.equals(l.text("test"))) {
      throw l.error(
          "key 'test': '" + l.text("test") + "' does not match its counts (" + test + ")");
    }
    HarnessTiming t =
        pp ? HarnessTiming.prompt(l, nPrompt, rule) : HarnessTiming.decode(l, nGen, rule);
    String reason =
        t.samples().isEmpty()
            ? "no timed calls after warm-up (" + t.calls() + " in all, " + rule.describe() + ")"
            : "";
    return row(l, new Test(test, nPrompt, nGen, nDepth), t, reason, provenance);
  }

  static List<BenchResult> failed(HarnessLine l, Map<String, String> provenance) {
    String reason =
        "tinygrad_bench.py failed ("
            + l.text("stage")
            + "): "
            + l.text("exception")
            + ": "
            + l.text("message")
            + tail(l.text("traceback", ""), l.text("exception"));
    List<BenchResult> out = new ArrayList<>();
    for (String test : l.strings("tests")) {
      Matcher m = TEST.matcher(test);
      if (!m.matches()) throw l.error("key 'tests': '" + test + "' is not a pp or tg test");
      int n = Integer.parseInt(m.group(2));
      int depth = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      boolean pp = m.group(1).equals("pp");
      Test t = new Test(test, pp ? n : 0, pp ? 0 : n, depth);
      out.add(row(l, t, HarnessTiming.NONE, reason, provenance));
    }
    if (out.isEmpty()) out.add(BenchResult.failed("tinygrad", Status.FAILED, reason));
    return out;
  }

  /** A test as llama-bench names and counts it. */
  private record Test(String name, int nPrompt, int nGen, int nDepth) {}

  private static BenchResult row(
      HarnessLine l, Test test, HarnessTiming t, String reason, Map<String, String> provenance) {
    Map<String, String> model = l.object("model");
    String stem = TinygradRow.stem(Path.of(model.getOrDefault("path", "")));
    String quant = model.getOrDefault("quant", "");
    if (quant.isEmpty()) quant = TinygradRow.quant(stem);
    return BenchResult.measured("tinygrad")
        .backend(backend(l))
        .model(TinygradRow.modelName(stem), quant)
        .test(test.name(), test.nPrompt(), test.nGen(), test.nDepth())
        .tokensPerS(Stats.mean(t.samples()), Stats.stddev(t.samples()), t.samples())
        .size(whole(model.get("tensor_bytes")), whole(model.get("n_params")))
        .device(provenance.getOrDefault("gpu", ""))
        .status(reason.isEmpty() ? Status.OK : Status.FAILED, reason)
        .flags(flags(l, model))
        .provenance(HarnessProvenance.of(l, provenance))
        .extra(extra(l, t))
        .build();
  }

  /** The timing's raw times and warm-up, and what else the harness measured or printed. */
  private static Map<String, String> extra(HarnessLine l, HarnessTiming t) {
    Map<String, String> e = new LinkedHashMap<>(t.extra());
    for (String key : List.of("load_ms", "param_bytes", "global_mem_gb_mean", "first_position")) {
      String v = l.scalar(key);
      if (v != null) e.put(key, v);
    }
    String avg = l.scalar("avg_ts");
    if (avg != null) e.put("harness_avg_ts", avg);
    String rule = l.scalar("warmup_rule");
    if (rule != null) e.put("harness_warmup_rule", rule);
    l.object("model")
        .forEach(
            (k, v) -> {
              if (k.equals("name") || k.equals("file_type")) e.put("gguf_" + k, v);
            });
    l.object("model", "shape").forEach((k, v) -> e.put("shape_" + k, v));
    return e;
  }

  /**
   * The backend asked for ({@code DEV=CUDA}, or {@code DEV=CPU:LLVM}'s device), else the one used.
   */
  private static String backend(HarnessLine l) {
    String dev = l.object("env").getOrDefault("DEV", "");
    if (dev.isEmpty()) return l.text("device", "");
    int colon = dev.indexOf(':');
    return colon < 0 ? dev : dev.substring(0, colon);
  }

  private static Map<String, String> flags(HarnessLine l, Map<String, String> model) {
    Map<String, String> f = new LinkedHashMap<>(l.object("env"));
    l.object("settings").forEach((k, v) -> f.put(k.equals("size_arg") ? "size" : k, v));
    // "auto": the GGUF's own shape; else llama3.py's MODEL_PARAMS entry
    String size = model.getOrDefault("size", "");
    if (!size.isEmpty()) f.put("shape_from", size.equals("gguf") ? "gguf" : "MODEL_PARAMS " + size);
    String ppPath = l.text("pp_path", "");
    if (!ppPath.isEmpty()) f.put("pp_path", ppPath);
    String existed = l.object("beam_cache").get("existed_before");
    if (existed != null) f.put("beam_cache_existed", existed);
    return f;
  }

  private static long whole(String s) {
    try {
      return s == null ? -1 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The traceback's last frames, without its last line (the exception, already quoted). */
  private static String tail(String traceback, String exception) {
    List<String> lines = new ArrayList<>(traceback.strip().lines().toList());
    if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith(exception)) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) return "";
    return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
  }
}
