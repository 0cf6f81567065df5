package dev.tokbench.report;

import dev.tokbench.TidyCsv;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the figures transcribed from a published report ({@code llama-cpp.csv}, {@code
 * tinygrad.csv}, {@code frameworks.csv}) into the normalised {@link BenchResult} rows. Figures that
 * only one framework prints (tinygrad's ms/token and bandwidths) go to {@code extra} as the text
 * transcribed, so their published precision survives.
 */
final class Transcribed {
  static final List<String> LLAMA_CPP =
      List.of(
          "model",
          "quant",
          "flash_attn",
          "test",
          "n_prompt",
          "n_gen",
          "tokens_per_s_mean",
          "tokens_per_s_stddev",
          "repetitions");
  static final List<String> TINYGRAD =
      List.of(
          "model",
          "quant",
          "backend",
          "env",
          "label",
          "tokens_per_s",
          "ms_per_token",
          "memory_bandwidth_gb_per_s",
          "param_bandwidth_gb_per_s");
  static final List<String> FRAMEWORKS = List.of("framework", "label", "status", "reason");

  private final String device;
  private final Function<TidyCsv.Row, ModelEntry> models;

  /** {@code models} finds a row's model entry (or throws pointing at the row). */
  Transcribed(String device, Function<TidyCsv.Row, ModelEntry> models) {
    this.device = device;
    this.models = models;
  }

  List<BenchResult> llamaCpp(Path file) {
    return rows(file, LLAMA_CPP, this::llamaCppRow);
  }

  /** A row per line of {@code file}, each line's errors reported with its file and line. */
  private static List<BenchResult> rows(
      Path file, List<String> columns, Function<TidyCsv.Row, BenchResult> row) {
    List<BenchResult> out = new ArrayList<>();
    for (TidyCsv.Row r : TidyCsv.read(file, columns).rows())
      out.add(guarded(r, () -> row.apply(r)));
    return out;
  }

  private BenchResult llamaCppRow(TidyCsv.Row r) {
    ModelEntry m = models.apply(r);
    return BenchResult.measured("llama.cpp")
        .backend("CUDA")
        .model(r.required("model"), r.required("quant"))
        .test(r.required("test"), (int) r.count("n_prompt"), (int) r.count("n_gen"), 0)
        .flashAttn(FlashAttention.parse(r.required("flash_attn")))
        .tokensPerS(r.number("tokens_per_s_mean"), r.number("tokens_per_s_stddev"), List.of())
        .size(bytes(m), m.nParams())
        .device(device)
        .flags(Map.of("repetitions", r.required("repetitions")))
        .provenance(provenance(r))
        .build();
  }

  List<BenchResult> tinygrad(Path file) {
    return rows(file, TINYGRAD, this::tinygradRow);
  }

  private BenchResult tinygradRow(TidyCsv.Row r) {
    ModelEntry m = models.apply(r);
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("label", r.required("label"));
    extra.put("ms_per_token", String.valueOf(r.number("ms_per_token")));
    for (String bw : List.of("memory_bandwidth_gb_per_s", "param_bandwidth_gb_per_s")) {
      if (!Double.isNaN(r.optionalNumber(bw))) extra.put(bw, r.text(bw));
    }
    return BenchResult.measured("tinygrad")
        .backend(r.required("backend"))
        .model(r.required("model"), r.required("quant"))
        .test("decode", 0, 0, 0)
        .tokensPerS(r.number("tokens_per_s"), Double.NaN, List.of())
        .size(bytes(m), m.nParams())
        .device(device)
        .flags(Map.of("env", r.required("env")))
        .provenance(provenance(r))
        .extra(extra)
        .build();
  }

  List<BenchResult> unavailable(Path file) {
    List<BenchResult> out = new ArrayList<>();
    for (TidyCsv.Row r : TidyCsv.read(file, FRAMEWORKS).rows()) {
      out.add(
          guarded(
              r,
              () ->
                  BenchResult.failed(
                          r.required("framework"),
                          Status.parse(r.required("status")),
                          r.required("reason"))
                      .withProvenance(provenance(r))
                      .withExtra("label", r.required("label"))));
    }
    return out;
  }

  private static long bytes(ModelEntry m) {
    return m.size() == null ? -1 : Math.round(m.size().bytes());
  }

  private static Map<String, String> provenance(TidyCsv.Row r) {
    return Map.of("source", Path.of(r.file()).getFileName() + ":" + r.line());
  }

  /** Runs {@code make}, turning a validation failure into an error at the row. */
  static <T> T guarded(TidyCsv.Row r, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw r.error(e.getMessage());
    }
  }
}
