package dev.tokbench.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.serve.metrics.MetricsSnapshot;
import dev.tokbench.serve.metrics.PrometheusFormatException;
import dev.tokbench.serve.metrics.PrometheusText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small GETs around a load test: readiness, what the server serves ({@code /v1/models},
 * llama-server's {@code /props}) and its Prometheus {@code /metrics}.
 */
final class ServerEndpoints {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Answers longer than this are cut (a vLLM {@code /metrics} is tens of KiB). */
  private static final int BODY_LIMIT = 8 << 20;

  private final HttpClient http;
  private final URI base;

  ServerEndpoints(URI base) {
    this.base = base;
    this.http = StreamingClient.httpClient(Duration.ofSeconds(10));
  }

  URI base() {
    return base;
  }

  /** The status of {@code GET path}, or -1 when nothing answered. */
  int status(String path, Duration timeout) throws InterruptedException {
    try {
      return get(path, timeout).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * What the server says it serves: {@code model} (the first of {@code /v1/models}), {@code
   * owned_by}, llama-server's {@code n_vocab}, {@code ftype}, {@code n_params}, {@code size}, and
   * from its {@code /props} {@code total_slots}, {@code n_ctx}, {@code model_path}, {@code
   * build_info}; {@code models_error} when {@code /v1/models} did not answer.
   */
  Map<String, String> describe() throws InterruptedException {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      JsonNode first = json("/v1/models").path("data").path(0);
      out.put("model", first.path("id").asText(""));
      out.put("owned_by", first.path("owned_by").asText(""));
      // llama-server's meta: n_vocab for token-id prompts; ftype, n_params, size for the results
      for (String key : new String[] {"n_vocab", "ftype", "n_params", "size", "n_ctx_train"})
        if (first.path("meta").has(key)) out.put(key, first.path("meta").path(key).asText());
      if (first.has("max_model_len"))
        out.put("max_model_len", first.path("max_model_len").asText());
    } catch (IOException e) {
      out.put("models_error", e.getMessage());
      return out;
    }
    if (ServerKind.fromOwnedBy(out.get("owned_by")) == ServerKind.LLAMA_SERVER) props(out);
    return out;
  }

  private void props(Map<String, String> out) throws InterruptedException {
    try {
      JsonNode p = json("/props");
      out.put("total_slots", p.path("total_slots").asText(""));
      out.put("n_ctx", p.path("default_generation_settings").path("n_ctx").asText(""));
      out.put("model_path", p.path("model_path").asText(""));
      out.put("build_info", p.path("build_info").asText(""));
    } catch (IOException e) {
      out.put("props_error", e.getMessage());
    }
  }

  /**
   * The server's {@code /metrics} now.
   *
   * @throws IOException when it does not answer 200 with Prometheus text
   */
  MetricsSnapshot metrics() throws IOException, InterruptedException {
    Answer r = get("/metrics", Duration.ofSeconds(10));
    if (r.statusCode() != 200)
      throw new IOException("GET /metrics answered " + r.statusCode() + ": " + shorten(r.body()));
    if (r.cut()) throw new IOException("GET /metrics sent more than " + BODY_LIMIT + " bytes");
    try {
      return PrometheusText.parse(r.body(), base.resolve("/metrics").toString());
    } catch (PrometheusFormatException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * The server's own token ids for {@code text}, without special tokens: llama-server's {@code POST
   * /tokenize {"content": ...}}, vLLM's {@code {"prompt": ...}}.
   *
   * @throws java.io.UncheckedIOException when it does not answer with {@code tokens}
   */
  List<Integer> tokenize(ServerKind kind, String model, String text) {
    ObjectNode body = JSON.createObjectNode();
    if (kind == ServerKind.VLLM) {
      if (!model.isEmpty()) body.put("model", model);
      body.put("prompt", text).put("add_special_tokens", false);
    } else body.put("content", text).put("add_special", false);
    HttpRequest req =
        HttpRequest.newBuilder(base.resolve("/tokenize"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      JsonNode tokens = r.statusCode() == 200 ? JSON.readTree(r.body()).path("tokens") : null;
      if (tokens == null || !tokens.isArray())
        throw new IOException(
            "POST /tokenize answered " + r.statusCode() + ": " + shorten(r.body()));
      List<Integer> ids = new ArrayList<>(tokens.size());
      tokens.forEach(t -> ids.add(t.isObject() ? t.path("id").asInt() : t.asInt()));
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot tokenize a prompt on " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(
          new java.io.InterruptedIOException("interrupted while tokenizing"));
    }
  }

  private JsonNode json(String path) throws IOException, InterruptedException {
    Answer r = get(path, Duration.ofSeconds(10));
    if (r.statusCode() != 200)
      throw new IOException(
          "GET " + path + " answered " + r.statusCode() + ": " + shorten(r.body()));
    return JSON.readTree(r.body());
  }

  /** A GET's status and (bounded) body. */
  private record Answer(int statusCode, String body, boolean cut) {}

  private Answer get(String path, Duration timeout) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
    HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      byte[] b = in.readNBytes(BODY_LIMIT + 1);
      int n = Math.min(b.length, BODY_LIMIT);
      return new Answer(
          r.statusCode(), new String(b, 0, n, StandardCharsets.UTF_8), b.length > BODY_LIMIT);
    }
  }

  private static String shorten(String s) {
    String t = s.strip();
    return t.length() > 200 ? t.substring(0, 200) + "…" : t;
  }
}
