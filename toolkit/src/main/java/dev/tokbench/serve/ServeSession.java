package dev.tokbench.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.BadInputException;
import dev.tokbench.Secrets;
import dev.tokbench.device.Machine;
import dev.tokbench.serve.metrics.MetricsDelta;
import dev.tokbench.serve.metrics.MetricsSnapshot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One run of a {@link ServeBench}: server up, prompts chosen, warm-up, levels, server down. */
final class ServeSession {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI attachTo;
  private final ServerLaunch launch;
  private final Path serverLog;
  private final Map<String, String> env;
  private final ServeSettings s;
  private final ServeJsonl sink;
  private final Consumer<LevelSummary> progress;
  private final Map<String, String> server = new LinkedHashMap<>();
  private String metricsNote = "";
  private String bannedTokens = "";

  ServeSession(
      URI attachTo,
      ServerLaunch launch,
      Path serverLog,
      Map<String, String> env,
      ServeSettings settings,
      ServeJsonl sink,
      Consumer<LevelSummary> progress) {
    this.attachTo = attachTo;
    this.launch = launch;
    this.serverLog = serverLog;
    this.env = env;
    this.s = settings;
    this.sink = sink;
    this.progress = progress;
    if (!s.scrapeMetrics()) metricsNote = "not scraped";
  }

  ServeRun run() throws InterruptedException {
    if (launch == null) return measure(attachTo);
    try (ServerProcess p = ServerProcess.start(launch.withFreePort(), serverLog, env)) {
      server.put("command", p.commandLine());
      if (serverLog != null) server.put("log", serverLog.toAbsolutePath().toString());
      try {
        p.awaitReady(s.readyTimeout());
      } catch (ServerStartException e) {
        return notRun(p.url(), e.getMessage());
      }
      ServeRun r = measure(p.url());
      if (!p.alive()) server.put("ended", p.endReason());
      return new ServeRun(r.summaries(), server, r.failure());
    }
  }

  private ServeRun measure(URI url) throws InterruptedException {
    ServerEndpoints endpoints = new ServerEndpoints(url);
    server.putAll(endpoints.describe());
    ServerKind kind = kind();
    String model = s.model().isEmpty() ? server.getOrDefault("model", "") : s.model();
    ObjectNode extra = RequestBodies.parseExtraBody(s.extraBody());
    if (s.banByteTokens()) {
      ByteTokenBan ban = ByteTokenBan.forServer(kind, server.get("model_path"));
      extra = ban.appliedTo(extra);
      bannedTokens = ban.describe();
    }
    PromptSource prompts = prompts(kind, endpoints, model);
    RequestBodies bodies = new RequestBodies(model, s.chat(), kind, extra);
    sink.write(runLine(url, kind, model, prompts, bodies, ""));
    List<LevelSummary> done = new ArrayList<>();
    try (StreamingClient client =
        new StreamingClient(url.resolve(bodies.path()), s.requestTimeout(), s.apiKey())) {
      warmup(client, bodies, prompts);
      int next = s.warmup();
      for (int i = 0; i < s.levels().size(); i++) {
        done.add(level(client, endpoints, i, prompts, bodies, next));
        next += s.requests();
      }
    }
    return new ServeRun(done, server, "");
  }

  private ServerKind kind() {
    if (s.server() != null) return s.server();
    if (launch != null) return launch.kind();
    return ServerKind.fromOwnedBy(server.getOrDefault("owned_by", ""));
  }

  private PromptSource prompts(ServerKind kind, ServerEndpoints endpoints, String model) {
    if (s.dataset() != null)
      return ShareGptDataset.sample(s.dataset(), s.totalRequests(), s.seed());
    int vocab = s.vocabSize() > 0 ? s.vocabSize() : serverVocab();
    switch (format(kind, vocab)) {
      case TOKENS:
        if (vocab < 2)
          throw new BadInputException(
              "token-id prompts need the vocabulary size, and "
                  + kind
                  + " does not say it (only"
                  + " llama-server's /v1/models does): give --vocab-size N, or --prompt-format text");
        return PromptSource.randomTokens(vocab, s.promptTokens(), s.seed());
      case WORDS:
        if (kind != ServerKind.LLAMA_SERVER && kind != ServerKind.VLLM)
          throw new BadInputException(
              "--prompt-format words needs a server's /tokenize (llama-server, vllm), not " + kind);
        return PromptSource.tokenizedWords(
            s.promptTokens(), s.seed(), text -> endpoints.tokenize(kind, model, text));
      default:
        return PromptSource.randomText(s.promptTokens(), s.seed());
    }
  }

  /** The prompt format AUTO stands for here. */
  private ServeSettings.PromptFormat format(ServerKind kind, int vocab) {
    if (s.promptFormat() != ServeSettings.PromptFormat.AUTO) return s.promptFormat();
    if (s.chat()) return ServeSettings.PromptFormat.TEXT;
    if (kind == ServerKind.LLAMA_SERVER || kind == ServerKind.VLLM)
      return ServeSettings.PromptFormat.WORDS;
    return kind.acceptsTokenIds() && vocab > 1
        ? ServeSettings.PromptFormat.TOKENS
        : ServeSettings.PromptFormat.TEXT;
  }

  private int serverVocab() {
    try {
      return Integer.parseInt(server.getOrDefault("n_vocab", "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private List<Prepared> prepare(RequestBodies bodies, PromptSource prompts, int from) {
    List<Prepared> out = new ArrayList<>(s.requests());
    for (int i = from; i < from + s.requests(); i++)
      out.add(bodies.prepare(prompts.prompt(i), s.maxTokens()));
    return out;
  }

  private void warmup(StreamingClient client, RequestBodies bodies, PromptSource prompts)
      throws InterruptedException {
    if (s.warmup() == 0) return;
    List<Prepared> reqs = new ArrayList<>();
    for (int i = 0; i < s.warmup(); i++) reqs.add(bodies.prepare(prompts.prompt(i), s.maxTokens()));
    Level first = s.levels().get(0);
    Level at =
        Level.concurrency(
            Math.min(s.warmup(), first.isOpenLoop() ? s.warmup() : first.concurrency()));
    LoadRunner.run(
        client, at, reqs, s.seed(), (t0, r) -> sink.write(ServeJson.request("warmup", at, t0, r)));
  }

  private LevelSummary level(
      StreamingClient client,
      ServerEndpoints endpoints,
      int index,
      PromptSource prompts,
      RequestBodies bodies,
      int from)
      throws InterruptedException {
    Level level = s.levels().get(index);
    List<Prepared> reqs;
    try {
      reqs = prepare(bodies, prompts, from);
    } catch (RuntimeException e) { // the server's /tokenize went away: this level cannot run
      return written(
          LevelSummary.notRun(level, s.requests(), s.slo(), "no prompts: " + e.getMessage()));
    }
    MetricsSnapshot before = scrape(endpoints);
    // each open loop its own arrival sequence, the same on every run with this seed
    LoadRunner.LevelRun run =
        LoadRunner.run(
            client,
            level,
            reqs,
            s.seed() + 1 + index,
            (t0, r) -> sink.write(ServeJson.request("request", level, t0, r)));
    MetricsSnapshot after = scrape(endpoints);
    MetricsDelta delta =
        before != null && after != null ? MetricsDelta.between(before, after) : MetricsDelta.NONE;
    return written(
        LevelSummary.of(
            level, run.started(), run.t0(), run.records(), s.slo(), delta, metricsNote));
  }

  private LevelSummary written(LevelSummary summary) {
    sink.write(ServeJson.summary(summary));
    progress.accept(summary);
    return summary;
  }

  /** The metrics now; null (and a note for the summaries) once the server has none. */
  private MetricsSnapshot scrape(ServerEndpoints endpoints) throws InterruptedException {
    if (!metricsNote.isEmpty()) return null;
    try {
      return endpoints.metrics();
    } catch (IOException e) {
      metricsNote = "unavailable: " + e.getMessage(); // llama-server without --metrics answers 501
      return null;
    }
  }

  private ServeRun notRun(URI url, String why) {
    sink.write(runLine(url, launch.kind(), s.model(), null, null, why));
    List<LevelSummary> none = new ArrayList<>();
    for (Level level : s.levels())
      none.add(written(LevelSummary.notRun(level, s.requests(), s.slo(), why)));
    return new ServeRun(none, server, why);
  }

  private ObjectNode runLine(
      URI url,
      ServerKind kind,
      String model,
      PromptSource prompts,
      RequestBodies bodies,
      String failure) {
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", "run");
    o.put("started", Instant.now().toString());
    o.put("url", Secrets.text(url.toString()));
    if (bodies != null) o.put("endpoint", bodies.path());
    o.put("server", kind.label());
    o.put("model", model);
    o.put("prompts", prompts == null ? "" : prompts.describe());
    o.put("prompt_tokens", s.promptTokens());
    o.put("max_tokens", s.maxTokens());
    o.put("requests_per_level", s.requests());
    o.putPOJO("levels", s.levels().stream().map(Level::label).toList());
    o.put("warmup", s.warmup());
    o.put("request_timeout_s", s.requestTimeout().toSeconds());
    o.put("seed", s.seed());
    o.set("slo", JSON.valueToTree(s.slo().bounds()));
    o.set("extra_body", RequestBodies.parseExtraBody(s.extraBody()));
    if (!bannedTokens.isEmpty()) o.put("banned_tokens", bannedTokens);
    o.set("server_info", JSON.valueToTree(server));
    o.set("machine", JSON.valueToTree(Machine.describe()));
    if (!failure.isEmpty()) o.put("error", failure);
    return o;
  }
}
