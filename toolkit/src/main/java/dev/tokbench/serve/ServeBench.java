package dev.tokbench.serve;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A load test of an OpenAI-compatible server, as {@code vllm bench serve} runs one: attach to a
 * running server or launch one, then for each level stream {@code requests} requests and summarise
 * them. Immutable: every method returns a new benchmark, so a notebook cell can vary one setting.
 *
 * <pre>{@code
 * ServeRun r = ServeBench.at("http://127.0.0.1:8080")
 *     .concurrency(1, 4, 16).requests(64).promptTokens(512).maxTokens(128)
 *     .slo("ttft=200ms,tpot=50ms")
 *     .run(Path.of("serve.jsonl"));
 * r.summaries();
 * }</pre>
 */
public final class ServeBench {
  private final URI url;
  private final ServerLaunch launch;
  private final Path serverLog;
  private final Map<String, String> env;
  private final ServeSettings settings;

  private ServeBench(
      URI url, ServerLaunch launch, Path serverLog, Map<String, String> env, ServeSettings s) {
    this.url = url;
    this.launch = launch;
    this.serverLog = serverLog;
    this.env = Map.copyOf(env);
    this.settings = s;
  }

  /** A benchmark of the server already listening at {@code url} ({@code http://host:port}). */
  public static ServeBench at(String url) {
    return at(URI.create(url));
  }

  public static ServeBench at(URI url) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()))
      throw new IllegalArgumentException("the server URL must be http://HOST:PORT, got " + url);
    return new ServeBench(url, null, null, Map.of(), ServeSettings.DEFAULTS);
  }

  /** A benchmark that starts {@code launch}, waits until it is ready, and stops it at the end. */
  public static ServeBench launching(ServerLaunch launch) {
    return new ServeBench(null, launch, null, Map.of(), ServeSettings.DEFAULTS);
  }

  public ServeSettings settings() {
    return settings;
  }

  /** Closed-loop levels: that many requests in flight. */
  public ServeBench concurrency(int... levels) {
    return levels(Arrays.stream(levels).mapToObj(Level::concurrency).toList());
  }

  /**
   * Open-loop levels: Poisson arrivals at that many per second ({@code Double.POSITIVE_INFINITY}:
   * all at once).
   */
  public ServeBench rate(double... perSecond) {
    return levels(Arrays.stream(perSecond).mapToObj(Level::rate).toList());
  }

  public ServeBench levels(List<Level> levels) {
    return with(d -> d.levels = new ArrayList<>(levels));
  }

  public ServeBench requests(int perLevel) {
    return with(d -> d.requests = perLevel);
  }

  public ServeBench promptTokens(int n) {
    return with(d -> d.promptTokens = n);
  }

  public ServeBench maxTokens(int n) {
    return with(d -> d.maxTokens = n);
  }

  /** Prompts from a ShareGPT JSON file instead of random ones. */
  public ServeBench dataset(Path shareGpt) {
    return with(d -> d.dataset = shareGpt);
  }

  public ServeBench slo(String bounds) {
    return slo(Slo.parse(bounds));
  }

  public ServeBench slo(Slo slo) {
    return with(d -> d.slo = slo);
  }

  public ServeBench model(String name) {
    return with(d -> d.model = name);
  }

  /** Stream {@code /v1/chat/completions} with the prompt as one user message. */
  public ServeBench chat(boolean on) {
    return with(d -> d.chat = on);
  }

  public ServeBench warmup(int requests) {
    return with(d -> d.warmup = requests);
  }

  public ServeBench requestTimeout(Duration t) {
    return with(d -> d.requestTimeout = t);
  }

  public ServeBench seed(long seed) {
    return with(d -> d.seed = seed);
  }

  public ServeBench promptFormat(ServeSettings.PromptFormat f) {
    return with(d -> d.promptFormat = f);
  }

  public ServeBench vocabSize(int n) {
    return with(d -> d.vocabSize = n);
  }

  /** Whose request extras to send, when {@code /v1/models} does not tell. */
  public ServeBench server(ServerKind kind) {
    return with(d -> d.server = kind);
  }

  /** A JSON object merged into every request body: {@code {"temperature": 0}}. */
  public ServeBench extraBody(String json) {
    RequestBodies.parseExtraBody(json); // fail now, not at the first request
    return with(d -> d.extraBody = json);
  }

  /**
   * Ban llama-server's byte tokens 0x80-0xFF with a {@code logit_bias}, read from the GGUF its
   * {@code /props} names: a random-weight model then writes valid UTF-8, which llama-server needs.
   */
  public ServeBench banByteTokens(boolean on) {
    return with(d -> d.banByteTokens = on);
  }

  public ServeBench scrapeMetrics(boolean on) {
    return with(d -> d.scrapeMetrics = on);
  }

  public ServeBench readyTimeout(Duration t) {
    return with(d -> d.readyTimeout = t);
  }

  public ServeBench apiKey(String key) {
    return with(d -> d.apiKey = key);
  }

  /** Where a launched server's output goes. */
  public ServeBench serverLog(Path file) {
    return new ServeBench(url, launch, file, env, settings);
  }

  /** Environment variables for a launched server ({@code CUDA_VISIBLE_DEVICES}). */
  public ServeBench env(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(env);
    more.put(name, value);
    return new ServeBench(url, launch, serverLog, more, settings);
  }

  /** Runs every level, keeping the results in memory only. */
  public ServeRun run() throws InterruptedException {
    return run(ServeJsonl.to(java.io.Writer.nullWriter()), s -> {});
  }

  /** Runs every level, appending the JSONL record to {@code out}. */
  public ServeRun run(Path out) throws InterruptedException {
    try (ServeJsonl sink = ServeJsonl.append(out)) {
      return run(sink, s -> {});
    }
  }

  /** Runs every level, writing to {@code sink} and telling {@code progress} of each level's end. */
  public ServeRun run(ServeJsonl sink, Consumer<LevelSummary> progress)
      throws InterruptedException {
    return new ServeSession(url, launch, serverLog, env, settings, sink, progress).run();
  }

  private ServeBench with(Consumer<Draft> change) {
    Draft d = new Draft(settings);
    change.accept(d);
    return new ServeBench(url, launch, serverLog, env, d.build());
  }

  @Override
  public String toString() {
    return "serve-bench of "
        + Objects.requireNonNullElse(url, launch)
        + ": "
        + settings.levels()
        + ", "
        + settings.requests()
        + " requests each";
  }

  /** A settings record being changed. */
  private static final class Draft {
    List<Level> levels;
    int requests, promptTokens, maxTokens, warmup, vocabSize;
    Path dataset;
    Slo slo;
    String model, extraBody, apiKey;
    boolean chat, scrapeMetrics, banByteTokens;
    Duration requestTimeout, readyTimeout;
    long seed;
    ServeSettings.PromptFormat promptFormat;
    ServerKind server;

    Draft(ServeSettings s) {
      levels = s.levels();
      requests = s.requests();
      promptTokens = s.promptTokens();
      maxTokens = s.maxTokens();
      dataset = s.dataset();
      slo = s.slo();
      model = s.model();
      chat = s.chat();
      warmup = s.warmup();
      requestTimeout = s.requestTimeout();
      seed = s.seed();
      promptFormat = s.promptFormat();
      vocabSize = s.vocabSize();
      server = s.server();
      extraBody = s.extraBody();
      scrapeMetrics = s.scrapeMetrics();
      readyTimeout = s.readyTimeout();
      apiKey = s.apiKey();
      banByteTokens = s.banByteTokens();
    }

    ServeSettings build() {
      return new ServeSettings(
          levels,
          requests,
          promptTokens,
          maxTokens,
          dataset,
          slo,
          model,
          chat,
          warmup,
          requestTimeout,
          seed,
          promptFormat,
          vocabSize,
          server,
          extraBody,
          scrapeMetrics,
          readyTimeout,
          apiKey,
          banByteTokens);
    }
  }
}
