package dev.tokbench.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.serve.sse.SseEvent;
import dev.tokbench.serve.sse.SseFormatException;
import dev.tokbench.serve.sse.SseParser;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One request's stream as it arrives: response headers, bytes with their arrival time, the end or a
 * failure, each from whichever thread saw it (the HTTP client's, the timeout timer's). The first
 * ending wins and completes {@link #result()}; what comes after is ignored. An OpenAI stream's
 * events are read as {@code vllm bench serve} reads them (see docs/serving.md for where we differ).
 */
final class StreamRecorder {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * llama-server's words when its chat parser, which it runs on completions too, fails; with
   * content-only output that happens when the text is not valid UTF-8.
   */
  private static final String NOT_UTF8 = "does not match the expected Content-only format";

  /** Bytes of a non-200 body kept for the failure reason. */
  private static final int ERROR_BODY_LIMIT = 2048;

  private final Prepared request;
  private final long scheduledNanos;

  /** When the attempt that counts was sent: the first, or its retry; times count from here. */
  private long startNanos;

  private final SseParser parser = new SseParser(this::event);
  private final CompletableFuture<RequestRecord> result = new CompletableFuture<>();
  private final List<Long> content;
  private final Map<String, Double> timings = new LinkedHashMap<>();
  private ByteArrayOutputStream errorBody;
  private int status;
  private long headers = -1;
  private long firstChunk = -1;
  private long lastChoice = -1;
  private int events;
  private int promptTokens = -1;
  private int outputTokens = -1;
  private String finishReason = "";
  private boolean done;
  private String retriedAfter = "";
  private long retryAt = -1;
  private long queued = -1;
  private boolean sent;

  StreamRecorder(Prepared request, long scheduledNanos, long startNanos) {
    this.request = request;
    this.scheduledNanos = scheduledNanos;
    this.startNanos = startNanos;
    this.content = new ArrayList<>(Math.min(request.maxTokens(), 1 << 16));
  }

  CompletableFuture<RequestRecord> result() {
    return result;
  }

  synchronized boolean finished() {
    return result.isDone();
  }

  synchronized void headers(int httpStatus, long now) {
    if (finished()) return;
    status = httpStatus;
    headers = now - startNanos;
    if (status != 200) errorBody = new ByteArrayOutputStream();
  }

  /**
   * The HTTP client took the attempt's body to write at {@code now}, its headers already handed to
   * the connection: the request is going out. Latencies count from here, and the client's time
   * before it is kept apart ({@link RequestRecord#queuedNanos}): the JDK's request path (its
   * executor and selector hand-offs) costs a millisecond or more on a busy machine, which is the
   * client's time, not the server's. Only the first take of each attempt counts, and none once an
   * answer has begun.
   */
  synchronized void sent(long now) {
    if (finished() || sent || headers >= 0 || parser.offset() > 0) return;
    sent = true;
    queued = now - startNanos;
    startNanos = now;
  }

  /** Bytes that arrived at {@code now}; false once the request is over (stop reading). */
  synchronized boolean bytes(List<ByteBuffer> buffers, long now) {
    if (finished()) return false;
    for (ByteBuffer b : buffers) {
      if (errorBody != null) keepErrorBytes(b);
      else feed(b, now);
      if (finished()) return false;
    }
    return true;
  }

  /** The server ended the response body. */
  synchronized void end(long now) {
    if (finished()) return;
    if (errorBody != null) fail(httpError(), now);
    else if (!done)
      fail(
          "stream ended without [DONE] after "
              + events
              + " events"
              + (parser.hasPartialEvent() ? ", mid-event" : ""),
          now);
    else if (content.isEmpty()) fail("no content token in " + events + " events", now);
    else complete("", now);
  }

  /**
   * The attempt got not a byte back, for {@code why}: true when it may be sent once more, now (the
   * first such failure of a request still running). The record keeps why and how long that attempt
   * took, and its latencies count from the new send: the server never answered the first.
   */
  synchronized boolean retry(String why, long now) {
    if (finished() || retryAt >= 0 || headers >= 0 || parser.offset() > 0) return false;
    retriedAfter = why;
    retryAt = now - startNanos;
    startNanos = now;
    sent = false; // the retry's body take starts its clock
    queued = -1;
    return true;
  }

  /** The request failed: {@code why} says how, with what had arrived so far. */
  synchronized void fail(String why, long now) {
    if (finished()) return;
    String progress =
        headers < 0
            ? " (no response headers)"
            : " (" + content.size() + " content chunks, " + parser.offset() + " bytes)";
    complete(why + progress, now);
  }

  private void complete(String error, long now) {
    result.complete(
        new RequestRecord(
            request.index(),
            request.promptTokensSent(),
            request.maxTokens(),
            scheduledNanos,
            startNanos,
            status,
            error,
            headers,
            firstChunk,
            content,
            lastChoice,
            now - startNanos,
            events,
            promptTokens,
            outputTokens,
            finishReason,
            timings,
            retriedAfter,
            retryAt,
            queued));
  }

  private void feed(ByteBuffer b, long now) {
    try {
      parser.feed(b, now);
    } catch (SseFormatException e) {
      fail("malformed event stream: " + e.getMessage(), now);
    }
  }

  private void keepErrorBytes(ByteBuffer b) {
    int n = Math.min(b.remaining(), ERROR_BODY_LIMIT - errorBody.size());
    byte[] bytes = new byte[n];
    b.get(bytes);
    errorBody.write(bytes, 0, n);
  }

  private String httpError() {
    String body = errorBody.toString(StandardCharsets.UTF_8).strip();
    return explained("HTTP " + status + (body.isEmpty() ? "" : ": " + body));
  }

  private void event(SseEvent e) {
    if (finished()) return;
    events++;
    long at = e.arrivalNanos() - startNanos;
    if (e.data().strip().equals("[DONE]")) {
      done = true;
      return;
    }
    JsonNode n;
    try {
      n = JSON.readTree(e.data());
    } catch (JsonProcessingException x) {
      fail(
          "malformed event " + events + " ending at byte " + e.endOffset() + ": " + e,
          e.arrivalNanos());
      return;
    }
    if (e.event().equals("error") || n.has("error")) {
      fail(
          explained("server error event: " + (n.has("error") ? n.get("error") : n)),
          e.arrivalNanos());
      return;
    }
    choices(n.path("choices"), at);
    usage(n.path("usage"));
    timings(n.path("timings"));
  }

  /** A server error with what it means, where tokbench knows: the summary's reasons say it. */
  static String explained(String error) {
    if (!error.contains(NOT_UTF8)) return error;
    return error
        + ": llama-server rejects generated text that is not valid UTF-8, as lone byte tokens make"
        + " it; random-weight and synthetic models pick them often: --ban-byte-tokens bans them";
  }

  private void choices(JsonNode choices, long at) {
    if (!choices.isArray() || choices.isEmpty()) return;
    if (firstChunk < 0) firstChunk = at;
    lastChoice = at;
    JsonNode c = choices.get(0);
    if (c.hasNonNull("finish_reason")) finishReason = c.get("finish_reason").asText();
    if (!generatedText(c).isEmpty()) content.add(at);
  }

  /** The text a chunk generated: completions' {@code text}, chat's content or reasoning. */
  private static String generatedText(JsonNode choice) {
    if (choice.has("text")) return choice.path("text").asText("");
    JsonNode delta = choice.path("delta");
    for (String field : new String[] {"content", "reasoning_content", "reasoning"}) {
      String s = delta.path(field).asText("");
      if (!delta.path(field).isNull() && !s.isEmpty()) return s;
    }
    return "";
  }

  private void usage(JsonNode usage) {
    if (!usage.isObject()) return;
    if (usage.path("prompt_tokens").canConvertToInt())
      promptTokens = usage.get("prompt_tokens").asInt();
    if (usage.path("completion_tokens").canConvertToInt())
      outputTokens = usage.get("completion_tokens").asInt();
  }

  private void timings(JsonNode t) {
    if (!t.isObject()) return;
    t.fields()
        .forEachRemaining(
            f -> {
              if (f.getValue().isNumber()) timings.put(f.getKey(), f.getValue().asDouble());
            });
  }
}
