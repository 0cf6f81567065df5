package dev.tokbench.formats.llamabench;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns one llama-bench record into a normalised {@link BenchResult}, looking every field up by
 * name so that it reads any version: {@code flash_attn} as a bool (before May 2026) or -1/0/1,
 * backend booleans ({@code cuda}, {@code metal} …) or {@code backends}, {@code use_mmap} or {@code
 * load_mode}. Nothing printed is dropped: configuration goes to {@code flags}, build and machine to
 * {@code provenance}, everything else (unknown fields included) to {@code extra}.
 */
final class LlamaBenchRow {
  /** Fields that become columns of the result. */
  private static final Set<String> COLUMNS =
      Set.of(
          "n_prompt",
          "n_gen",
          "n_depth",
          "flash_attn",
          "avg_ts",
          "stddev_ts",
          "samples_ts",
          "model_size",
          "model_n_params");

  private static final Set<String> PROVENANCE =
      Set.of("build_commit", "build_number", "cpu_info", "gpu_info", "backends", "test_time");

  /** Test configuration, current and older names. */
  private static final Set<String> FLAGS =
      Set.of(
          "n_batch",
          "n_ubatch",
          "n_threads",
          "cpu_mask",
          "cpu_strict",
          "poll",
          "type_k",
          "type_v",
          "n_gpu_layers",
          "n_cpu_moe",
          "split_mode",
          "main_gpu",
          "no_kv_offload",
          "devices",
          "tensor_split",
          "tensor_buft_overrides",
          "use_mmap",
          "load_mode",
          "use_direct_io",
          "embeddings",
          "no_op_offload",
          "no_host",
          "fit_target",
          "fit_min_ctx",
          "f16_kv",
          "mul_mat_q");

  /**
   * llama-bench's BOOL fields, printed 0/1 in csv/sql and false/true in json; kept as true/false.
   */
  private static final Set<String> BOOLEANS =
      Set.of(
          "cpu_strict",
          "no_kv_offload",
          "embeddings",
          "no_host",
          "use_mmap",
          "use_direct_io",
          "f16_kv",
          "mul_mat_q");

  /** Backend booleans of older versions, in the order they were printed, with ggml's names. */
  private static final Map<String, String> OLD_BACKENDS = oldBackends();

  private LlamaBenchRow() {}

  /** The normalised row for one test. */
  public static BenchResult toResult(LlamaBenchRecord r) {
    return toResult(r, Map.of());
  }

  /**
   * The normalised row for one test, with the launch's provenance added (replacing entries of the
   * same name), built once rather than copied by {@link BenchResult#withProvenance}: a running
   * llama-bench streams thousands of rows through here.
   */
  public static BenchResult toResult(LlamaBenchRecord r, Map<String, String> runProvenance) {
    // sorted maps, so that BenchResult's sorted copies are linear
    Map<String, String> flags = new TreeMap<>();
    // the launch's entries win; copying a sorted map is linear, so callers streaming many rows
    // pass one
    Map<String, String> provenance = new TreeMap<>(runProvenance);
    Map<String, String> extra = new TreeMap<>();
    sort(r, flags, provenance, extra);
    String backend = backend(r);
    provenance.putIfAbsent("backends", backend);
    provenance.putIfAbsent("framework", "llama.cpp");
    provenance.putIfAbsent("llama_bench_format", r.format().flag());
    if (r.format() == LlamaBenchFormat.MD) extra.put("md_precision", MD_NOTE);
    extra.putAll(GpuSplit.of(r)); // several GPUs: how many took part, and the split
    int nPrompt = count(r, "n_prompt");
    int nGen = count(r, "n_gen");
    int nDepth = count(r, "n_depth");
    return BenchResult.measured("llama.cpp")
        .backend(backend)
        .model(LlamaBenchNames.modelName(r), LlamaBenchNames.quant(r.get("model_type")))
        .test(LlamaBenchNames.testName(nPrompt, nGen, nDepth), nPrompt, nGen, nDepth)
        .flashAttn(flashAttention(r))
        .tokensPerS(number(r, "avg_ts"), number(r, "stddev_ts"), samples(r.get("samples_ts")))
        .size(size(r), params(r))
        .device(device(r))
        .flags(flags)
        .provenance(provenance)
        .extra(extra)
        .build();
  }

  private static final String MD_NOTE =
      "read from the Markdown table: size and params rounded (md_size, md_params; model_bytes and"
          + " n_params from them), t/s to 2 decimals, no samples, columns at their default not"
          + " printed";

  /**
   * {@code model_size}, else the Markdown table's {@code 967.00 MiB} (or GiB), rounded as shown.
   */
  private static long size(LlamaBenchRecord r) {
    long exact = whole(r, "model_size");
    String md = r.get("md_size");
    if (exact >= 0 || md == null) return exact;
    return scaled(r, "md_size", md, Map.of("MiB", 1024.0 * 1024, "GiB", 1024.0 * 1024 * 1024));
  }

  /** {@code model_n_params}, else the Markdown table's {@code 1.24 B} (or M). */
  private static long params(LlamaBenchRecord r) {
    long exact = whole(r, "model_n_params");
    String md = r.get("md_params");
    if (exact >= 0 || md == null) return exact;
    return scaled(r, "md_params", md, Map.of("K", 1e3, "M", 1e6, "B", 1e9));
  }

  // llama-bench's markdown printer: "%.2f MiB" below 1 GiB else "%.2f GiB"; "%.2f M" / "%.2f B"
  private static long scaled(
      LlamaBenchRecord r, String field, String text, Map<String, Double> units) {
    String[] parts = text.trim().split("\\s+");
    Double unit = parts.length == 2 ? units.get(parts[1]) : null;
    try {
      if (unit != null) return Math.round(Double.parseDouble(parts[0]) * unit);
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(r, field, text, "a number and one of " + new java.util.TreeSet<>(units.keySet()));
  }

  private static void sort(
      LlamaBenchRecord r,
      Map<String, String> flags,
      Map<String, String> provenance,
      Map<String, String> extra) {
    r.fields()
        .forEach(
            (k, v) -> {
              if (COLUMNS.contains(k) && !k.equals("flash_attn")) return;
              if (PROVENANCE.contains(k)) provenance.putIfAbsent(k, v);
              else if (FLAGS.contains(k) || k.equals("flash_attn")) flags.put(k, bool(k, v));
              else extra.put(k, OLD_BACKENDS.containsKey(k) ? bool("", v) : v);
            });
  }

  private static String bool(String field, String v) {
    if (!BOOLEANS.contains(field) && !field.isEmpty()) return v;
    return switch (v) {
      case "1" -> "true";
      case "0" -> "false";
      default -> v;
    };
  }

  // Older versions printed one boolean per backend; their get_backend() named the first one set.
  private static String backend(LlamaBenchRecord r) {
    String b = r.get("backends");
    if (b != null && !b.isBlank()) return b;
    for (Map.Entry<String, String> e : OLD_BACKENDS.entrySet()) {
      String v = r.get(e.getKey());
      if ("true".equals(v) || "1".equals(v)) return e.getValue();
    }
    return OLD_BACKENDS.keySet().stream().anyMatch(r::has) ? "CPU" : "";
  }

  private static FlashAttention flashAttention(LlamaBenchRecord r) {
    String v = r.get("flash_attn");
    return v == null ? FlashAttention.NA : FlashAttention.parse(v);
  }

  private static String device(LlamaBenchRecord r) {
    String gpu = r.get("gpu_info");
    if (gpu != null && !gpu.isBlank()) return gpu;
    String cpu = r.get("cpu_info");
    return cpu == null ? "" : cpu;
  }

  private static int count(LlamaBenchRecord r, String field) {
    return parsed(r, field, 0, Integer::valueOf, "a whole number");
  }

  /** A size or count llama-bench prints as {@code uint64_t}: -1 when absent, never negative. */
  private static long whole(LlamaBenchRecord r, String field) {
    long n = parsed(r, field, -1L, Long::valueOf, "a whole number");
    if (n < -1 || n == -1 && r.get(field) != null && !r.get(field).isBlank()) {
      throw bad(r, field, r.get(field), "a whole number >= 0");
    }
    return n;
  }

  private static double number(LlamaBenchRecord r, String field) {
    return parsed(r, field, null, Double::valueOf, "a number");
  }

  /** The field parsed, {@code ifAbsent} when not printed or blank (null: it must be there). */
  private static <T> T parsed(
      LlamaBenchRecord r, String field, T ifAbsent, Function<String, T> parse, String expected) {
    String v = r.get(field);
    if (v == null || v.isBlank()) {
      if (ifAbsent != null) return ifAbsent;
      throw bad(r, field, "(missing)", expected);
    }
    try {
      return parse.apply(v.trim());
    } catch (NumberFormatException e) {
      throw bad(r, field, v, expected);
    }
  }

  private static List<Double> samples(String joined) {
    List<Double> out = new ArrayList<>();
    if (joined == null || joined.isBlank()) return out;
    for (int from = 0; from < joined.length(); ) {
      int end = joined.indexOf(';', from);
      if (end < 0) end = joined.length();
      out.add(Double.parseDouble(joined.substring(from, end).trim()));
      from = end + 1;
    }
    return out;
  }

  private static IllegalArgumentException bad(
      LlamaBenchRecord r, String field, String value, String expected) {
    return new IllegalArgumentException(
        "field " + field + " = '" + value + "' is not " + expected + " (" + r + ")");
  }

  private static Map<String, String> oldBackends() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cuda", "CUDA");
    m.put("opencl", "OpenCL");
    m.put("vulkan", "Vulkan");
    m.put("kompute", "Kompute");
    m.put("metal", "Metal");
    m.put("sycl", "SYCL");
    m.put("rpc", "RPC");
    m.put("gpu_blas", "GPU BLAS");
    m.put("blas", "BLAS");
    return java.util.Collections.unmodifiableMap(m);
  }
}
