package dev.tokbench.run.llamacpp;

import dev.tokbench.results.FlashAttention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test parameters of llama-bench (tools/llama-bench/llama-bench.cpp, upstream of 2026-08-22)
 * that take several values, in the order its {@code get_cmd_params_instances} nests their loops,
 * outermost first ("this ordering minimizes the number of times that each model needs to be
 * reloaded"), each with the flags that set it and the field its jsonl rows print it in. The tests
 * ({@code -p}, {@code -n}, {@code -pg}) are the innermost loop and are kept apart.
 */
enum LlamaBenchParam {
  MODEL("model_filename", Values.STRINGS, "-m", "--model"),
  FIT_TARGET("fit_target", Values.STRINGS, "-fitt", "--fit-target"),
  FIT_CTX("fit_min_ctx", Values.STRINGS, "-fitc", "--fit-ctx"),
  GPU_LAYERS("n_gpu_layers", Values.SIGNED_RANGES, "-ngl", "--n-gpu-layers"),
  CPU_MOE("n_cpu_moe", Values.RANGES, "-ncmoe", "--n-cpu-moe"),
  SPLIT_MODE("split_mode", Values.STRINGS, "-sm", "--split-mode"),
  // -mmp and -dio are deprecated spellings that add to the same list as -lm
  LOAD_MODE(
      "load_mode", Values.STRINGS, "-lm", "--load-mode", "-mmp", "--mmap", "-dio", "--direct-io"),
  MAIN_GPU("main_gpu", Values.RANGES, "-mg", "--main-gpu"),
  DEVICES("devices", Values.STRINGS, "-dev", "--device"),
  TENSOR_SPLIT("tensor_split", Values.STRINGS, "-ts", "--tensor-split"),
  OVERRIDE_TENSOR("tensor_buft_overrides", Values.GROUPS, "-ot", "--override-tensor"),
  NO_HOST("no_host", Values.STRINGS, "--no-host"),
  EMBEDDINGS("embeddings", Values.STRINGS, "-embd", "--embeddings"),
  NO_OP_OFFLOAD("no_op_offload", Values.STRINGS, "-nopo", "--no-op-offload"),
  BATCH("n_batch", Values.RANGES, "-b", "--batch-size"),
  UBATCH("n_ubatch", Values.RANGES, "-ub", "--ubatch-size"),
  CACHE_TYPE_K("type_k", Values.STRINGS, "-ctk", "--cache-type-k"),
  CACHE_TYPE_V("type_v", Values.STRINGS, "-ctv", "--cache-type-v"),
  NO_KV_OFFLOAD("no_kv_offload", Values.STRINGS, "-nkvo", "--no-kv-offload"),
  FLASH_ATTN("flash_attn", Values.STRINGS, "-fa", "--flash-attn"),
  THREADS("n_threads", Values.RANGES, "-t", "--threads"),
  CPU_MASK("cpu_mask", Values.STRINGS, "-C", "--cpu-mask"),
  CPU_STRICT("cpu_strict", Values.STRINGS, "--cpu-strict"),
  DEPTH("n_depth", Values.RANGES, "-d", "--n-depth"),
  POLL("poll", Values.RANGES, "--poll");

  /** How a flag's value becomes values. */
  enum Values {
    /** {@code string_split(value, ',')}. */
    STRINGS,
    /** {@code parse_int_range}: {@code first[-last[(+|*)step]]}, comma-separated. */
    RANGES,
    /** The same, negative numbers allowed ({@code -ngl -1}). */
    SIGNED_RANGES,
    /** {@code -ot}: comma-separated groups, an empty one included. */
    GROUPS
  }

  private static final Pattern RANGE = Pattern.compile("(-?\\d+)(?:-(\\d+)(?:([+*])(\\d+))?)?");

  /** The most values one range may expand to: {@code -p 1-1000000} is a typo, not a matrix. */
  static final int MAX_VALUES = 4096;

  final String field;
  final Values values;
  final List<String> flags;

  LlamaBenchParam(String field, Values values, String... flags) {
    this.field = field;
    this.values = values;
    this.flags = List.of(flags);
  }

  /**
   * {@code -fa}'s value: 0/1 so that versions before May 2026 (bool) and after (-1/0/1 and
   * on/off/auto) both accept it; {@code AUTO} as {@code auto}, which only newer versions know.
   */
  static String flashAttn(FlashAttention fa) {
    return switch (fa) {
      case OFF -> "0";
      case ON -> "1";
      case AUTO -> "auto";
      case NA -> throw new IllegalArgumentException("-fa takes OFF, ON or AUTO, not NA");
    };
  }

  /** The parameter {@code flag} sets, or null when it sets none of these. */
  static LlamaBenchParam of(String flag) {
    for (LlamaBenchParam p : values()) if (p.flags.contains(flag)) return p;
    return null;
  }

  /** True for a parameter whose flag replaces the list instead of adding to it ({@code -mg}). */
  boolean replaces() {
    return this == MAIN_GPU;
  }

  /** The values one occurrence of the flag gives, as llama-bench parses them. */
  List<String> parse(String flag, String value) {
    return switch (values) {
      case STRINGS -> List.of(value.split(","));
      case GROUPS -> List.of(value.split(",", -1));
      case RANGES -> ranges(flag, value, false);
      case SIGNED_RANGES -> ranges(flag, value, true);
    };
  }

  /** llama-bench's {@code parse_int_range}, which rejects what does not match. */
  static List<String> ranges(String flag, String value, boolean signed) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      Matcher m = RANGE.matcher(part);
      if (!m.matches() || (!signed && part.startsWith("-"))) throw bad(flag, value);
      long first = Long.parseLong(m.group(1));
      long last = m.group(2) == null ? first : Long.parseLong(m.group(2));
      char op = m.group(3) == null ? '+' : m.group(3).charAt(0);
      long step = m.group(4) == null ? 1 : Long.parseLong(m.group(4));
      for (long i = first; i <= last; ) {
        out.add(Long.toString(i));
        if (out.size() > MAX_VALUES) throw bad(flag, value);
        long next = op == '+' ? i + step : i * step;
        if (next <= i) throw bad(flag, value); // llama-bench: "invalid range"
        i = next;
      }
    }
    return out;
  }

  /**
   * The arguments that choose the tests: models, parameters, the run's settings, and for a process
   * {@code -v}, without which llama-bench hides llama.cpp's log (CUDA's "out of memory" included).
   */
  static List<String> testArgs(
      List<Path> models, Map<String, String> params, List<String> settings, boolean process) {
    List<String> a = new ArrayList<>();
    for (Path m : models) a.addAll(List.of("-m", m.toString()));
    params.forEach((flag, values) -> a.addAll(List.of(flag, values)));
    a.addAll(settings);
    if (process && !a.contains("-v") && !a.contains("--verbose")) a.add("-v");
    return a;
  }

  /** {@code -ts} values, each the GPUs' proportions such as {@code 3/1}, checked. */
  static String[] tensorSplits(String... splits) {
    for (String t : splits)
      if (!t.matches("\\d+(\\.\\d+)?([/;]\\d+(\\.\\d+)?)*"))
        throw new IllegalArgumentException("-ts takes proportions such as 3/1, not '" + t + "'");
    return splits;
  }

  private static IllegalArgumentException bad(String flag, String value) {
    return new IllegalArgumentException(
        "llama-bench "
            + flag
            + " takes numbers or ranges such as 512,1024 or 128-1024*2, got '"
            + value
            + "'");
  }
}
