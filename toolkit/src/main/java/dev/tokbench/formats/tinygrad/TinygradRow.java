package dev.tokbench.formats.tinygrad;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Stats;
import dev.tokbench.results.Status;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summarises a tinygrad benchmark into one row: test {@code tgN} for N timed tokens, samples the
 * tok/s of the tokens kept after warm-up, mean and stddev of those; median, enqueue latency and
 * bandwidths as tinygrad printed them go to {@code extra}.
 */
public final class TinygradRow {
  private static final Pattern QUANT =
      Pattern.compile("(?i)[-_.](IQ\\d_[A-Z]+|Q\\d_K_[SML]|Q\\d_K|Q\\d_\\d|BF16|F16|F32)$");

  private TinygradRow() {}

  /**
   * The row for one run.
   *
   * @param backend the backend asked for ({@code CUDA}, {@code NV} …)
   * @param model the GGUF file, or {@code null} when not known
   */
  public static BenchResult toResult(
      TinygradOutput out,
      WarmupRule rule,
      String backend,
      Path model,
      Map<String, String> flags,
      Map<String, String> provenance) {
    List<TinygradToken> all = out.tokens();
    List<Double> tps = all.stream().map(TinygradToken::tokensPerS).toList();
    int warm = rule.warmupTokens(tps);
    List<TinygradToken> kept = all.subList(warm, all.size());
    List<Double> samples = tps.subList(warm, tps.size());
    Map<String, String> extra = extra(out, kept, rule, warm);
    String stem = model == null ? "" : stem(model);
    Status status = kept.isEmpty() ? Status.FAILED : Status.OK;
    String reason =
        kept.isEmpty()
            ? "no timed tokens after warm-up (" + all.size() + " in all, " + rule.describe() + ")"
            : "";
    return BenchResult.measured("tinygrad")
        .backend(backend)
        .model(modelName(stem), quant(stem))
        .test("tg" + all.size(), 0, all.size(), 0)
        .tokensPerS(Stats.mean(samples), Stats.stddev(samples), samples)
        .device(provenance.getOrDefault("gpu", ""))
        .status(status, reason)
        .flags(flags)
        .provenance(provenance)
        .extra(extra)
        .build();
  }

  /**
   * A row of tinygrad on {@code model} named as its measured rows are (model and quantization from
   * the file name), for a test that measured nothing: set its test, status and maps.
   */
  public static BenchResult.Builder of(Path model, String backend) {
    String stem = model == null ? "" : stem(model);
    return BenchResult.measured("tinygrad").backend(backend).model(modelName(stem), quant(stem));
  }

  private static Map<String, String> extra(
      TinygradOutput out, List<TinygradToken> kept, WarmupRule rule, int warm) {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("warmup_rule", rule.describe());
    e.put("warmup_tokens", Integer.toString(warm));
    e.put("tokens_kept", Integer.toString(kept.size()));
    e.put("median_tok_s", fmt(Stats.median(kept.stream().map(TinygradToken::tokensPerS).toList())));
    e.put("enqueue_ms_mean", fmt(Stats.mean(kept.stream().map(TinygradToken::enqueueMs).toList())));
    e.put("total_ms_mean", fmt(Stats.mean(kept.stream().map(TinygradToken::totalMs).toList())));
    e.put("gb_per_s_mean", fmt(Stats.mean(kept.stream().map(TinygradToken::gbPerS).toList())));
    e.put(
        "param_gb_per_s_mean",
        fmt(Stats.mean(kept.stream().map(TinygradToken::paramGbPerS).toList())));
    double gpu = Stats.mean(kept.stream().map(TinygradToken::gpuMs).toList());
    if (!Double.isNaN(gpu)) e.put("gpu_ms_mean", fmt(gpu));
    if (out.load().printed()) {
      e.put("load_ms", fmt(out.load().ms()));
      e.put("loaded_gb", fmt(out.load().gb()));
      e.put("load_gb_per_s", fmt(out.load().gbPerS()));
    }
    return e;
  }

  /** The quantization at the end of a GGUF file name ({@code llama-3.2-1b-Q4_K_M}), or empty. */
  static String quant(String stem) {
    Matcher m = QUANT.matcher(stem);
    return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
  }

  /** The model's name: a GGUF file name without its quantization suffix. */
  static String modelName(String stem) {
    Matcher m = QUANT.matcher(stem);
    return m.find() ? stem.substring(0, m.start()) : stem;
  }

  /** A GGUF file's name without folder and {@code .gguf}. */
  static String stem(Path model) {
    return model.getFileName().toString().replaceFirst("(?i)\\.gguf$", "");
  }

  /** Four decimals, empty for NaN: how figures go into {@code extra}. */
  static String fmt(double d) {
    return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.4f", d);
  }
}
