package dev.tokbench.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one streamed request did, timed on the client with {@link System#nanoTime()} as bytes
 * arrived. Times other than {@code startNanos} are nanoseconds after the request was sent; -1 when
 * the moment never came (no headers, no chunk).
 *
 * @param index the prompt's index in the run (distinct prompts have distinct indices)
 * @param promptTokensSent token ids sent, or -1 for a text prompt
 * @param maxTokens the {@code max_tokens} asked for
 * @param scheduledNanos when an open loop meant to send it (absolute nanoTime); the send time in a
 *     closed loop
 * @param startNanos when it was sent (absolute nanoTime): when the HTTP client took its body to
 *     write, after the headers; for a retried request, when the retry's was
 * @param status the HTTP status; 0 when no response came
 * @param error why it failed; empty when it succeeded
 * @param headersNanos response headers
 * @param firstChunkNanos the first event carrying {@code choices}, content or not (vLLM's TTFT)
 * @param contentNanos every event that carried generated text, in order (the first is our TTFT)
 * @param lastChoiceNanos the last event carrying {@code choices} (vLLM's end-to-end latency)
 * @param endNanos the end of the stream, or the failure
 * @param events data events received, {@code [DONE]} included
 * @param promptTokens the server's {@code usage.prompt_tokens}; -1 when it sent no usage
 * @param outputTokens the server's {@code usage.completion_tokens}; -1 when it sent no usage
 * @param finishReason the last {@code finish_reason} seen ({@code length}, {@code stop}); empty
 * @param serverTimings the server's own {@code timings} object (llama-server), numbers only
 * @param retriedAfter why a first attempt that got not a byte back was sent again; empty when none
 *     was
 * @param retryNanos how long that first attempt took, from its send to the retry's (not part of the
 *     latencies, which count from the retry); -1 when there was none
 * @param queuedNanos how long the HTTP client took from the send call until it took the request's
 *     body to write after the headers: time spent in the client, not the server, so the latencies
 *     count from the end of it ({@code startNanos}); -1 when the body was never taken
 */
public record RequestRecord(
    int index,
    int promptTokensSent,
    int maxTokens,
    long scheduledNanos,
    long startNanos,
    int status,
    String error,
    long headersNanos,
    long firstChunkNanos,
    List<Long> contentNanos,
    long lastChoiceNanos,
    long endNanos,
    int events,
    int promptTokens,
    int outputTokens,
    String finishReason,
    Map<String, Double> serverTimings,
    String retriedAfter,
    long retryNanos,
    long queuedNanos) {

  public RequestRecord {
    error = Objects.requireNonNullElse(error, "");
    finishReason = Objects.requireNonNullElse(finishReason, "");
    retriedAfter = Objects.requireNonNullElse(retriedAfter, "");
    contentNanos = List.copyOf(contentNanos);
    serverTimings = java.util.Collections.unmodifiableMap(new TreeMap<>(serverTimings));
  }

  /** True when it streamed to {@code [DONE]} with at least one content token and no error. */
  public boolean ok() {
    return error.isEmpty();
  }

  /** Time to the first content token, ms; NaN when none came. */
  public double ttftMs() {
    return contentNanos.isEmpty() ? Double.NaN : ms(contentNanos.get(0));
  }

  /** Time to the first chunk with {@code choices}, content or not, ms; NaN when none came. */
  public double ttftChunkMs() {
    return firstChunkNanos < 0 ? Double.NaN : ms(firstChunkNanos);
  }

  /** Time to the response headers, ms; NaN when none came. */
  public double headersMs() {
    return headersNanos < 0 ? Double.NaN : ms(headersNanos);
  }

  /** Request sent to the last chunk with {@code choices}, ms (vLLM's E2EL). */
  public double e2eMs() {
    return lastChoiceNanos < 0 ? Double.NaN : ms(lastChoiceNanos);
  }

  /** Request sent to the end of the stream (or the failure), ms. */
  public double streamMs() {
    return ms(endNanos);
  }

  /** How late an open loop sent it, ms. */
  public double sendLagMs() {
    return (startNanos - scheduledNanos) / 1e6;
  }

  /** The gaps between consecutive content chunks, ms. */
  public List<Double> itlMs() {
    List<Double> gaps = new ArrayList<>(Math.max(0, contentNanos.size() - 1));
    for (int i = 1; i < contentNanos.size(); i++)
      gaps.add(ms(contentNanos.get(i) - contentNanos.get(i - 1)));
    return gaps;
  }

  /** The HTTP client's own time before the request went out, ms; NaN when it never did. */
  public double clientQueueMs() {
    return queuedNanos < 0 ? Double.NaN : ms(queuedNanos);
  }

  /** Times it was sent again: 0 or 1. */
  public int retries() {
    return retryNanos < 0 ? 0 : 1;
  }

  /** How long a first attempt that got no answer took before the retry, ms; NaN for none. */
  public double retryMs() {
    return retryNanos < 0 ? Double.NaN : ms(retryNanos);
  }

  /** True when the output token count is the server's own ({@code usage}). */
  public boolean usageReported() {
    return outputTokens >= 0;
  }

  /** Output tokens: the server's count, or the content chunks when it sent no usage. */
  public int outputTokenCount() {
    return usageReported() ? outputTokens : contentNanos.size();
  }

  /**
   * Time per output token after the first, ms: {@code (e2e - ttft) / (output_tokens - 1)} as vLLM
   * defines it, but from the first content token; NaN for fewer than two tokens.
   */
  public double tpotMs() {
    int n = outputTokenCount();
    return n > 1 ? (e2eMs() - ttftMs()) / (n - 1) : Double.NaN;
  }

  /** When it finished, absolute nanoTime. */
  public long finishedAtNanos() {
    return startNanos + endNanos;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  @Override
  public String toString() {
    String what =
        ok()
            ? String.format(
                java.util.Locale.ROOT,
                "ok ttft %.1f ms, %d tokens, e2e %.1f ms",
                ttftMs(),
                outputTokenCount(),
                e2eMs())
            : "failed: " + error;
    return "request " + index + " " + what;
  }
}
