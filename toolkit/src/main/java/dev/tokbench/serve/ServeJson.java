package dev.tokbench.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The JSON objects of the serving JSONL: a request's line and a level's summary line, with the key
 * names of {@code vllm bench serve}'s result where it has one ({@code ttft}, {@code tpot}, {@code
 * itl}, {@code e2e} for its {@code e2el}) and the pattern {@code <metric>_<stat>_ms}.
 */
public final class ServeJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServeJson() {}

  /** A request's line; {@code kind} is {@code request} or {@code warmup}. */
  public static ObjectNode request(String kind, Level level, long t0, RequestRecord r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", kind);
    level(o, level);
    o.put("index", r.index());
    ms(o, "start_ms", (r.startNanos() - t0) / 1e6);
    if (level.isOpenLoop()) {
      ms(o, "scheduled_ms", (r.scheduledNanos() - t0) / 1e6);
      ms(o, "send_lag_ms", r.sendLagMs());
    }
    o.put("ok", r.ok());
    o.put("status", r.status());
    o.put("error", r.error());
    o.put("retries", r.retries());
    if (r.retries() > 0) {
      o.put("retried_after", r.retriedAfter());
      ms(o, "retry_ms", r.retryMs());
    }
    count(o, "prompt_tokens", r.promptTokens());
    count(o, "prompt_tokens_sent", r.promptTokensSent());
    o.put("output_tokens", r.outputTokenCount());
    o.put("output_tokens_source", r.usageReported() ? "usage" : "chunks");
    o.put("max_tokens", r.maxTokens());
    o.put("finish_reason", r.finishReason());
    ms(o, "client_queue_ms", r.clientQueueMs());
    ms(o, "headers_ms", r.headersMs());
    ms(o, "ttft_chunk_ms", r.ttftChunkMs());
    ms(o, "ttft_ms", r.ttftMs());
    ms(o, "tpot_ms", r.tpotMs());
    ms(o, "e2e_ms", r.e2eMs());
    ms(o, "stream_ms", r.streamMs());
    o.put("chunks", r.contentNanos().size());
    o.put("events", r.events());
    ArrayNode itl = o.putArray("itl_ms");
    r.itlMs().forEach(v -> itl.add(round(v)));
    if (!r.serverTimings().isEmpty()) o.set("server_timings", JSON.valueToTree(r.serverTimings()));
    return o;
  }

  /** A level's summary line. */
  public static ObjectNode summary(LevelSummary s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", "summary");
    level(o, s.level());
    o.put("started", s.started().toString());
    o.put("requests", s.requests());
    o.put("completed", s.completed());
    o.put("errors", s.errors());
    o.put("retries", s.retries());
    number(o, "duration_s", s.durationS());
    o.put("prompt_tokens", s.promptTokens());
    o.put("output_tokens", s.outputTokens());
    number(o, "output_tok_per_s", s.outputTokPerS());
    number(o, "total_tok_per_s", s.totalTokPerS());
    number(o, "req_per_s", s.requestsPerS());
    if (!s.slo().isEmpty()) {
      o.set("slo", JSON.valueToTree(s.slo().bounds()));
      o.put("good_requests", s.goodRequests());
      number(o, "goodput_req_per_s", s.goodputPerS());
    }
    distribution(o, "ttft", s.ttft());
    distribution(o, "ttft_chunk", s.ttftChunk());
    distribution(o, "tpot", s.tpot());
    distribution(o, "itl", s.itl());
    distribution(o, "e2e", s.e2e());
    if (s.level().isOpenLoop()) distribution(o, "send_lag", s.sendLag());
    o.put("peak_concurrency", s.peakConcurrency());
    o.put("usage_missing", s.usageMissing());
    o.put("short_outputs", s.shortOutputs());
    o.set("error_reasons", JSON.valueToTree(s.errorReasons()));
    if (!s.metricsNote().isEmpty()) o.put("server_metrics_note", s.metricsNote());
    if (!s.serverMetrics().isEmpty()) {
      ObjectNode m = o.putObject("server_metrics");
      roundedMap(m.putObject("counters_delta"), s.serverMetrics().counters());
      roundedMap(m.putObject("gauges"), s.serverMetrics().gauges());
    }
    return o;
  }

  /** {@code "level": "concurrency 4", "concurrency": 4} or {@code "rate": 2} ({@code "inf"}). */
  static void level(ObjectNode o, Level level) {
    o.put("level", level.label());
    if (!level.isOpenLoop()) o.put("concurrency", level.concurrency());
    else if (Double.isInfinite(level.rate())) o.put("rate", "inf");
    else o.put("rate", level.rate());
  }

  private static void distribution(ObjectNode o, String name, Distribution d) {
    ms(o, name + "_mean_ms", d.mean());
    ms(o, name + "_std_ms", d.std());
    ms(o, name + "_p50_ms", d.p50());
    ms(o, name + "_p90_ms", d.p90());
    ms(o, name + "_p99_ms", d.p99());
    ms(o, name + "_max_ms", d.max());
  }

  private static void roundedMap(ObjectNode o, Map<String, Double> values) {
    values.forEach((k, v) -> number(o, k, v));
  }

  /** Names of the summary keys every summary line has (the list and ours). */
  public static final List<String> SUMMARY_KEYS =
      List.of(
          "requests",
          "errors",
          "output_tokens",
          "output_tok_per_s",
          "ttft_p50_ms",
          "ttft_p99_ms",
          "tpot_p50_ms",
          "itl_p50_ms",
          "itl_p99_ms",
          "e2e_p50_ms");

  private static void ms(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(key);
    else o.put(key, round(v));
  }

  private static void number(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(key);
    else o.put(key, Math.round(v * 1e4) / 1e4);
  }

  private static void count(ObjectNode o, String key, int v) {
    if (v < 0) o.putNull(key);
    else o.put(key, v);
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
