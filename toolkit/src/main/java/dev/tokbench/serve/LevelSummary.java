package dev.tokbench.serve;

import dev.tokbench.serve.metrics.MetricsDelta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One load level's results, with the definitions of {@code vllm bench serve}: latencies over the
 * successful requests, ITL pooled over every gap of every successful request, token totals from the
 * successful requests' {@code usage}, rates over the level's duration (first send to last end).
 *
 * @param level the load
 * @param started when the level began (its first request's send)
 * @param requests requests sent, failed ones included
 * @param completed requests that succeeded
 * @param retries requests sent a second time because the first attempt got not a byte back (a
 *     kept-alive connection the server had closed)
 * @param durationS first send to the last request's end, seconds
 * @param promptTokens prompt tokens of the successful requests (the server's count)
 * @param outputTokens output tokens of the successful requests (the server's count)
 * @param ttft time to the first content token
 * @param ttftChunk time to the first chunk with {@code choices}, content or not (vLLM's TTFT)
 * @param tpot time per output token after the first
 * @param itl every gap between consecutive content chunks
 * @param e2e send to the last chunk with {@code choices}
 * @param sendLag how late an open loop sent its requests (empty for a closed loop)
 * @param slo the goodput bounds (none: {@link Slo#NONE})
 * @param goodRequests successful requests within the SLO; -1 without an SLO
 * @param peakConcurrency most requests in flight at once
 * @param usageMissing successful requests without {@code usage}, counted by content chunks instead
 * @param shortOutputs successful requests that stopped before {@code max_tokens}
 * @param errorReasons failure reasons, each with its count (reasons differing only in the progress
 *     made are one)
 * @param serverMetrics the server's {@code /metrics} change over the level
 * @param metricsNote why there are no server metrics; empty when there are
 */
public record LevelSummary(
    Level level,
    Instant started,
    int requests,
    int completed,
    int retries,
    double durationS,
    long promptTokens,
    long outputTokens,
    Distribution ttft,
    Distribution ttftChunk,
    Distribution tpot,
    Distribution itl,
    Distribution e2e,
    Distribution sendLag,
    Slo slo,
    int goodRequests,
    int peakConcurrency,
    int usageMissing,
    int shortOutputs,
    Map<String, Integer> errorReasons,
    MetricsDelta serverMetrics,
    String metricsNote) {

  public LevelSummary {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(started, "started");
    errorReasons = Collections.unmodifiableMap(new LinkedHashMap<>(errorReasons));
    metricsNote = Objects.requireNonNullElse(metricsNote, "");
  }

  /** The summary of a level's records; {@code t0} is its start in {@link System#nanoTime()}. */
  public static LevelSummary of(
      Level level,
      Instant started,
      long t0,
      List<RequestRecord> records,
      Slo slo,
      MetricsDelta metrics,
      String metricsNote) {
    List<RequestRecord> ok = records.stream().filter(RequestRecord::ok).toList();
    long end = records.stream().mapToLong(RequestRecord::finishedAtNanos).max().orElse(t0);
    List<Double> gaps = new ArrayList<>();
    ok.forEach(r -> gaps.addAll(r.itlMs()));
    return new LevelSummary(
        level,
        started,
        records.size(),
        ok.size(),
        records.stream().mapToInt(RequestRecord::retries).sum(),
        (end - t0) / 1e9,
        ok.stream().mapToLong(r -> Math.max(0, r.promptTokens())).sum(),
        ok.stream().mapToLong(RequestRecord::outputTokenCount).sum(),
        Distribution.of(ok.stream().map(RequestRecord::ttftMs).toList()),
        Distribution.of(ok.stream().map(RequestRecord::ttftChunkMs).toList()),
        Distribution.of(ok.stream().map(RequestRecord::tpotMs).toList()),
        Distribution.of(gaps),
        Distribution.of(ok.stream().map(RequestRecord::e2eMs).toList()),
        level.isOpenLoop()
            ? Distribution.of(records.stream().map(RequestRecord::sendLagMs).toList())
            : Distribution.EMPTY,
        slo,
        slo.isEmpty() ? -1 : (int) records.stream().filter(slo::isMetBy).count(),
        peakConcurrency(records),
        (int) ok.stream().filter(r -> !r.usageReported()).count(),
        (int) ok.stream().filter(r -> r.outputTokenCount() < r.maxTokens()).count(),
        reasons(records),
        metrics,
        metricsNote);
  }

  /**
   * A level that could not run (its server never became ready): every request failed with {@code
   * why}, none was sent.
   */
  public static LevelSummary notRun(Level level, int requests, Slo slo, String why) {
    Distribution none = Distribution.EMPTY;
    return new LevelSummary(
        level,
        Instant.now(),
        requests,
        0,
        0,
        Double.NaN,
        0,
        0,
        none,
        none,
        none,
        none,
        none,
        none,
        slo,
        slo.isEmpty() ? -1 : 0,
        0,
        0,
        0,
        Map.of(why, requests),
        MetricsDelta.NONE,
        "not run");
  }

  public int errors() {
    return requests - completed;
  }

  /** Output tokens per second over the level. */
  public double outputTokPerS() {
    return outputTokens / durationS;
  }

  /** Prompt and output tokens per second over the level. */
  public double totalTokPerS() {
    return (promptTokens + outputTokens) / durationS;
  }

  /** Successful requests per second. */
  public double requestsPerS() {
    return completed / durationS;
  }

  /** Successful requests within the SLO per second; NaN without an SLO. */
  public double goodputPerS() {
    return goodRequests < 0 ? Double.NaN : goodRequests / durationS;
  }

  private static int peakConcurrency(List<RequestRecord> records) {
    List<long[]> events = new ArrayList<>();
    for (RequestRecord r : records) {
      events.add(new long[] {r.startNanos(), 1});
      events.add(new long[] {r.finishedAtNanos(), -1});
    }
    // an end before a start at the same instant: intervals are half-open, as in vLLM
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int now = 0;
    int peak = 0;
    for (long[] e : events) peak = Math.max(peak, now += (int) e[1]);
    return peak;
  }

  private static Map<String, Integer> reasons(List<RequestRecord> records) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (RequestRecord r : records) {
      if (r.ok()) continue;
      String why = r.error();
      int progress = why.lastIndexOf(" (");
      if (progress > 0 && why.endsWith(")")) why = why.substring(0, progress);
      counts.merge(why, 1, Integer::sum);
    }
    return counts;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %d/%d ok%s in %.1f s, %.1f output tok/s, %.2f req/s, TTFT p50 %.1f ms, TPOT p50 %.2f"
            + " ms, ITL p50 %.2f ms",
        level.label(),
        completed,
        requests,
        retries == 0 ? "" : " (" + retries + " sent again on a new connection)",
        durationS,
        outputTokPerS(),
        requestsPerS(),
        ttft.p50(),
        tpot.p50(),
        itl.p50());
  }
}
