package dev.tokbench.formats.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokbench.formats.llamabench.LlamaBenchNames;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ServeMetrics;
import dev.tokbench.results.Status;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One summary line of serve-bench, with its run line, as a row of the test kind {@code serve}:
 *
 * <ul>
 *   <li>framework from the server ({@code llama-server} is llama.cpp), model and quantization from
 *       the model file and llama-server's {@code ftype}, size and parameters from its {@code
 *       /props}, the device from the machine (its GPU, else its CPU);
 *   <li>test {@code serve c4} / {@code serve r2} / {@code serve rinf}, prompt and generated tokens
 *       per request as the run asked for them;
 *   <li>tokens/s: the level's output tokens per second (no samples: a level is one measurement);
 *   <li>flags: the load, requests, warm-up, seed, prompts, endpoint and SLO; provenance: the run's
 *       machine, server command, log and build, the URL and when the level started;
 *   <li>extra: every figure of the summary line under its own key ({@code ttft_p50_ms} …), its
 *       error reasons and {@code /metrics} deltas flattened ({@code
 *       server_metrics.counters_delta.NAME}), and the successful requests' TTFTs ({@link
 *       ServeMetrics#TTFT_EACH}).
 * </ul>
 *
 * A level where no request succeeded is a failed row with the commonest reason.
 */
final class ServeRow {
  private ServeRow() {}

  static BenchResult of(
      JsonNode run, JsonNode summary, List<Double> ttfts, String source, long line) {
    JsonNode info = run.path("server_info");
    String framework = framework(run.path("server").asText());
    String modelPath = text(info, "model_path", text(run, "model", ""));
    String quant = quant(text(info, "ftype", ""));
    String test =
        ServeMetrics.testName(
            summary.path("concurrency").asInt(0), rate(summary.path("rate").asText("")));
    BenchResult.Builder b =
        BenchResult.measured(framework)
            .backend(backend(framework, run))
            .model(modelName(modelPath, quant), quant)
            .test(test, run.path("prompt_tokens").asInt(0), run.path("max_tokens").asInt(0), 0)
            .tokensPerS(summary.path("output_tok_per_s").asDouble(Double.NaN), Double.NaN, null)
            .size(info.path("size").asLong(-1), info.path("n_params").asLong(-1))
            .device(device(run.path("machine")))
            .flags(flags(run, summary))
            .provenance(provenance(run, summary, source, line))
            .extra(extra(summary, ttfts));
    int completed = summary.path("completed").asInt(0);
    if (completed == 0) b.status(Status.FAILED, failure(run, summary));
    return b.build();
  }

  private static String framework(String server) {
    return switch (server) {
      case "llama-server" -> "llama.cpp";
      case "", "openai" -> "openai-compatible";
      default -> server;
    };
  }

  /**
   * CUDA when an NVIDIA GPU served (llama-server only with layers offloaded), CPU for llama-server
   * on a machine without a GPU, else unknown.
   */
  private static String backend(String framework, JsonNode run) {
    boolean nvidia = run.path("machine").path("gpu").asText().startsWith("NVIDIA");
    if (!framework.equals("llama.cpp")) return nvidia ? "CUDA" : "";
    if (run.path("machine").path("gpu").asText().isEmpty()) return "CPU";
    String[] words = run.path("server_info").path("command").asText().split("\\s+");
    for (int i = 0; i + 1 < words.length; i++) {
      if (List.of("-ngl", "--gpu-layers", "--n-gpu-layers").contains(words[i])) {
        return nvidia && !words[i + 1].equals("0") ? "CUDA" : "";
      }
    }
    return "";
  }

  /** {@code Q4_K - Medium} (llama.cpp's file-type name) as {@code Q4_K_M}. */
  private static String quant(String ftype) {
    return ftype.isEmpty() ? "" : LlamaBenchNames.quant("model size " + ftype);
  }

  /** A model file's name as llama-bench's rows name it; a served name (vLLM's) as it is. */
  private static String modelName(String path, String quant) {
    return path.endsWith(".gguf") ? LlamaBenchNames.modelName(path, quant) : path;
  }

  private static double rate(String text) {
    if (text.isEmpty()) return Double.NaN;
    return text.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(text);
  }

  private static String device(JsonNode machine) {
    String gpu = machine.path("gpu").asText();
    return gpu.isEmpty() ? machine.path("cpu").asText() : gpu;
  }

  private static Map<String, String> flags(JsonNode run, JsonNode summary) {
    Map<String, String> f = new TreeMap<>();
    f.put("load", summary.path("level").asText());
    f.put("requests", summary.path("requests").asText());
    f.put("warmup", run.path("warmup").asText());
    f.put("seed", run.path("seed").asText());
    f.put("prompts", run.path("prompts").asText());
    f.put("endpoint", run.path("endpoint").asText());
    StringBuilder slo = new StringBuilder();
    summary
        .path("slo")
        .fields()
        .forEachRemaining(
            e ->
                slo.append(slo.length() > 0 ? "," : "")
                    .append(e.getKey().replaceFirst("_ms$", ""))
                    .append('=')
                    .append(ServeMetrics.decimal(e.getValue().asDouble()))
                    .append("ms"));
    if (slo.length() > 0) f.put("slo", slo.toString());
    f.values().removeIf(String::isEmpty);
    return f;
  }

  private static Map<String, String> provenance(
      JsonNode run, JsonNode summary, String source, long line) {
    Map<String, String> p = new TreeMap<>();
    run.path("machine").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
    JsonNode info = run.path("server_info");
    p.put("server", run.path("server").asText());
    p.put("server_command", info.path("command").asText());
    p.put("server_log", info.path("log").asText());
    p.put("build_info", info.path("build_info").asText());
    p.put("url", run.path("url").asText());
    p.put("run_started", run.path("started").asText());
    p.put("started", summary.path("started").asText());
    p.put("banned_tokens", run.path("banned_tokens").asText());
    p.put("source", source);
    p.put("source_line", Long.toString(line));
    p.values().removeIf(String::isEmpty);
    return p;
  }

  /** Every scalar of the summary, its error reasons and metrics flattened, and the TTFTs. */
  private static Map<String, String> extra(JsonNode summary, List<Double> ttfts) {
    Map<String, String> x = new TreeMap<>();
    flatten("", summary, x);
    for (String k : List.of("kind", "level", "concurrency", "rate", "started")) x.remove(k);
    x.keySet().removeIf(k -> k.startsWith("slo."));
    if (!ttfts.isEmpty()) x.put(ServeMetrics.TTFT_EACH, ServeMetrics.joined(ttfts));
    return x;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) flatten(key + ".", v, out);
      else if (!v.isNull()) out.put(key, v.isTextual() ? v.asText() : v.toString());
    }
  }

  /** Why a level measured nothing: the run's failure, else its commonest request error. */
  private static String failure(JsonNode run, JsonNode summary) {
    String error = run.path("error").asText();
    if (!error.isEmpty()) return error;
    String why = "";
    int most = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = summary.path("error_reasons").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().asInt() > most) {
        most = e.getValue().asInt();
        why = e.getKey();
      }
    }
    return why.isEmpty()
        ? "no request of " + summary.path("level").asText() + " succeeded"
        : why + " (" + most + " of " + summary.path("requests").asInt() + " requests)";
  }

  private static String text(JsonNode o, String key, String otherwise) {
    String s = o.path(key).asText();
    return s.isEmpty() ? otherwise : s;
  }
}
