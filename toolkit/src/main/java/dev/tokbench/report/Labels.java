package dev.tokbench.report;

import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;

/** How the report names and formats rows: labels, decode tests, fixed-decimal numbers. */
final class Labels {
  private Labels() {}

  /**
   * {@code llama.cpp +FA}, {@code tinygrad JITBEAM=2 warm}, the label a transcription gives ({@code
   * tinygrad NV=1}), or a tinygrad run named by the environment that chose its backend ({@code
   * tinygrad DEV=CUDA}).
   */
  static String framework(BenchResult r) {
    String label = r.extra().get("label");
    if (label != null) return label;
    String env = r.flags().get("env");
    if (r.framework().equals("tinygrad") && env != null && !env.isBlank()) {
      return "tinygrad " + env + phase(r);
    }
    return r.framework() + (r.flashAttn() == FlashAttention.ON ? " +FA" : "") + phase(r);
  }

  /** The heading of a framework's table of tests: {@code vllm Results}. */
  static String resultsTitle(String framework) {
    return framework.equals(dev.tokbench.formats.llamabench.BatchedBench.FRAMEWORK)
        ? "Throughput against parallel sequences (llama-batched-bench)"
        : framework + " Results";
  }

  /** A tinygrad BEAM phase as a label's end ({@code JITBEAM=2 warm}, {@code cold}), or empty. */
  static String phase(BenchResult r) {
    return BeamPhase.of(r)
        .map(
            p -> {
              String width = r.flags().get(BeamPhase.WIDTH_FLAG);
              return (width == null ? "" : " JITBEAM=" + width) + " " + p.label();
            })
        .orElse("");
  }

  /**
   * A figure tinygrad printed, under the report's name ({@code ms_per_token}, {@code
   * memory_bandwidth_gb_per_s}, {@code param_bandwidth_gb_per_s}) or the name a saved log's row
   * gives it ({@code total_ms_mean} …); null when absent or empty.
   */
  static String tinygradFigure(BenchResult r, String name) {
    String v = r.extra().get(name);
    if (v == null || v.isEmpty()) v = r.extra().get(TINYGRAD_ROW_NAMES.getOrDefault(name, name));
    return v == null || v.isEmpty() ? null : v;
  }

  private static final java.util.Map<String, String> TINYGRAD_ROW_NAMES =
      java.util.Map.of(
          "ms_per_token", "total_ms_mean",
          "memory_bandwidth_gb_per_s", "gb_per_s_mean",
          "param_bandwidth_gb_per_s", "param_gb_per_s_mean");

  /**
   * Labels that tell rows apart: each row's {@code label}, and where several rows share one, the
   * settings that differ among them in brackets ({@code llama-3.2-1b Q4_K_M (threads 2)}).
   */
  static java.util.List<String> distinct(
      java.util.List<BenchResult> rows, java.util.function.Function<BenchResult, String> label) {
    java.util.List<String> suffixes = suffixes(rows, label);
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) out.add(label.apply(rows.get(i)) + suffixes.get(i));
    return out;
  }

  /**
   * For each row, what tells it apart from the rows with the same {@code key}: {@code " (threads
   * 2)"}, or empty when its key is its own.
   */
  static java.util.List<String> suffixes(
      java.util.List<BenchResult> rows, java.util.function.Function<BenchResult, String> key) {
    java.util.List<String> labels = rows.stream().map(key).toList();
    java.util.Map<String, java.util.List<Integer>> same = new java.util.LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      same.computeIfAbsent(labels.get(i), k -> new java.util.ArrayList<>()).add(i);
    }
    String[] out = new String[labels.size()];
    java.util.Arrays.fill(out, "");
    for (java.util.List<Integer> group : same.values()) {
      if (group.size() < 2) continue;
      java.util.List<dev.tokbench.results.Settings> settings =
          group.stream().map(i -> dev.tokbench.results.Settings.of(rows.get(i))).toList();
      java.util.List<String> varying = dev.tokbench.results.Variation.of(settings).varying();
      for (int k = 0; k < group.size(); k++) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String n : varying) {
          String v = settings.get(k).get(n);
          parts.add(n + " " + (v.isEmpty() ? "—" : v));
        }
        if (!parts.isEmpty()) out[group.get(k)] = " (" + String.join(", ", parts) + ")";
      }
    }
    return java.util.List.of(out);
  }

  /** True for a token-generation measurement ({@code tg128}, tinygrad's decode loop). */
  static boolean decode(BenchResult r) {
    return r.ok() && r.nDepth() == 0 && (r.test().startsWith("tg") || r.test().equals("decode"));
  }

  /** True for a prompt-processing measurement ({@code pp512}). */
  static boolean prefill(BenchResult r) {
    return r.ok() && r.nDepth() == 0 && r.test().startsWith("pp") && r.nGen() == 0;
  }

  /** {@code value} with {@code decimals} decimals, always with a dot. */
  static String fixed(double value, int decimals) {
    return Fixed.of(value, decimals);
  }

  /**
   * The model bytes a row reads per token: the inventory's stated size, else the row's own (from
   * llama-bench), else that of another row of the same model and quantization in the folder (a
   * tinygrad log names no size; llama-bench's row of the same file does); null when none has it.
   */
  static Bytes weights(DataFolder data, BenchResult r) {
    return data.model(r)
        .map(ModelEntry::size)
        .or(() -> bytes(r))
        .or(
            () ->
                data.results().stream()
                    .filter(o -> o.model().equals(r.model()) && o.quant().equals(r.quant()))
                    .flatMap(o -> bytes(o).stream())
                    .findFirst())
        .orElse(null);
  }

  private static java.util.Optional<Bytes> bytes(BenchResult r) {
    return r.modelBytes() > 0
        ? java.util.Optional.of(new Bytes(r.modelBytes()))
        : java.util.Optional.empty();
  }

  /** The inventory's label, else {@code model quant}. */
  static String chartLabel(DataFolder data, BenchResult r) {
    return data.model(r).map(ModelEntry::chartLabel).orElse(r.model() + " " + r.quant());
  }

  /** The bandwidth table's model label, else {@code model quant}. */
  static String tableLabel(DataFolder data, BenchResult r) {
    return data.model(r).map(ModelEntry::tableLabel).orElse(r.model() + " " + r.quant());
  }

  /** The inventory's display name, else the result's model. */
  static String displayName(DataFolder data, BenchResult r) {
    return data.model(r).map(ModelEntry::displayName).orElse(r.model());
  }
}
