package dev.tokbench.formats.vllm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokbench.BadInputException;
import dev.tokbench.JsonFiles;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Stats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --output-json} files of vLLM's offline benchmarks, {@code vllm bench latency} and
 * {@code vllm bench throughput}, as rows. The formats are those of {@code
 * vllm/benchmarks/latency.py} ({@code avg_latency}, {@code std_latency}, {@code latencies}, {@code
 * percentiles}, seconds per batch) and {@code vllm/benchmarks/throughput.py} ({@code elapsed_time},
 * {@code num_requests}, {@code total_num_tokens}, {@code requests_per_second}, {@code
 * tokens_per_second}) as of vLLM 0.10/0.11 (2025), unchanged from the older {@code
 * benchmarks/benchmark_latency.py} and {@code benchmark_throughput.py}.
 */
public final class VllmOutput {
  private VllmOutput() {}

  /** Reads either kind of {@code --output-json} file, recognised by its keys. */
  public static BenchResult read(Path file, String model, LatencyShape shape) {
    JsonNode o = tree(file);
    if (o.has("latencies")) return latency(o, model, shape, file);
    if (o.has("tokens_per_second")) return throughput(o, model, file);
    throw new BadInputException(
        file + ": not a vLLM latency or throughput result (no 'latencies' or 'tokens_per_second')");
  }

  /**
   * A latency result: each iteration generates {@code batch x output} tokens (after a prefill of
   * {@code batch x input}), so tokens/s per iteration is {@code batch * output / latency}; the JSON
   * does not record the shape, so it must be given (the defaults are vLLM's).
   */
  static BenchResult latency(JsonNode o, String model, LatencyShape s, Path file) {
    List<Double> tps = new ArrayList<>();
    JsonNode latencies = o.get("latencies");
    if (!latencies.isArray() || latencies.isEmpty()) {
      throw new BadInputException(file + ": key latencies: expected a list of seconds per batch");
    }
    for (int i = 0; i < latencies.size(); i++) {
      double seconds = positive(latencies.get(i), "latencies[" + i + "]", file);
      tps.add(s.batchSize() * (double) s.outputLen() / seconds);
    }
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("avg_latency_s", o.path("avg_latency").asText());
    extra.put("std_latency_s", o.path("std_latency").asText());
    o.path("percentiles")
        .fields()
        .forEachRemaining(e -> extra.put("p" + e.getKey() + "_latency_s", e.getValue().asText()));
    extra.put("tokens_per_s_basis", "batch_size * output_len / latency (prefill included)");
    Map<String, String> flags =
        Map.of(
            "batch_size",
            Integer.toString(s.batchSize()),
            "input_len",
            Integer.toString(s.inputLen()),
            "output_len",
            Integer.toString(s.outputLen()));
    return row(
        model,
        "pp" + s.inputLen() + "+tg" + s.outputLen(),
        s.inputLen(),
        s.outputLen(),
        Stats.mean(tps),
        Stats.stddev(tps),
        tps,
        flags,
        extra,
        file);
  }

  static BenchResult throughput(JsonNode o, String model, Path file) {
    Map<String, String> extra = new LinkedHashMap<>();
    o.fields().forEachRemaining(e -> extra.put(e.getKey(), e.getValue().asText()));
    extra.put("tokens_per_s_basis", "total_num_tokens (prompt + output) / elapsed_time");
    return row(
        model,
        "throughput",
        0,
        0,
        positive(o.get("tokens_per_second"), "tokens_per_second", file),
        Double.NaN,
        List.of(),
        Map.of(),
        extra,
        file);
  }

  private static BenchResult row(
      String model,
      String test,
      int nPrompt,
      int nGen,
      double mean,
      double sd,
      List<Double> samples,
      Map<String, String> flags,
      Map<String, String> extra,
      Path file) {
    return BenchResult.measured("vllm")
        .backend("CUDA")
        .model(model, "")
        .test(test, nPrompt, nGen, 0)
        .tokensPerS(mean, sd, samples)
        .flags(flags)
        .provenance(Map.of("source", file.toString()))
        .extra(extra)
        .build();
  }

  /** A finite number above zero at {@code key}; anything else names the key and the value. */
  private static double positive(JsonNode n, String key, Path file) {
    double v = n.isNumber() ? n.asDouble() : Double.NaN;
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new BadInputException(
          file
              + ": key "
              + key
              + ": expected a number above 0, got "
              + JsonInput.abbreviate(String.valueOf(n)));
    }
    return v;
  }

  /** The file's JSON object, within {@link ReadLimits#SERVING_OUTPUT}. */
  static JsonNode tree(Path file) {
    return JsonFiles.object(
        file,
        JsonInput.mapper(ReadLimits.SERVING_OUTPUT),
        ReadLimits.SERVING_OUTPUT,
        "JSON",
        "expected a JSON object");
  }
}
