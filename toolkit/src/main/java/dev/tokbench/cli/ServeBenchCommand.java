package dev.tokbench.cli;

import dev.tokbench.BadInputException;
import dev.tokbench.serve.Level;
import dev.tokbench.serve.LevelSummary;
import dev.tokbench.serve.ServeBench;
import dev.tokbench.serve.ServeJsonl;
import dev.tokbench.serve.ServeRun;
import dev.tokbench.serve.ServeSettings;
import dev.tokbench.serve.ServeTable;
import dev.tokbench.serve.ServerKind;
import dev.tokbench.serve.ServerLaunch;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "serve-bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Load-test an OpenAI-compatible server with streamed requests, as vllm bench serve does:"
          + " TTFT, TPOT, ITL, end-to-end latency, throughput and goodput per load level.",
      "Example: tokbench serve-bench --url http://127.0.0.1:8080 --concurrency 1,4,16"
          + " --requests 64 --prompt-tokens 512 --max-tokens 128 --out serve.jsonl",
      "Example: tokbench serve-bench --llama-server llama-server --concurrency 1,4 --out s.jsonl"
          + " -- -m model.gguf --parallel 4 -c 8192 --metrics --cache-ram 0",
      "JSONL (run, warmup, request and summary lines) goes to --out, else to stdout; a table to"
          + " stderr. Exit status 3 when any request failed."
    })
final class ServeBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Attach to a server, or launch one. */
  static final class Target {
    @Option(names = "--url", description = "a running server, http://HOST:PORT")
    URI url;

    @Option(
        names = "--llama-server",
        paramLabel = "BINARY",
        description = "launch this llama-server with the flags after --")
    String llamaServer;

    @Option(
        names = "--vllm",
        paramLabel = "VLLM",
        description = "launch VLLM serve with the flags after -- (the model first)")
    String vllm;

    @Option(
        names = "--sglang",
        paramLabel = "PYTHON",
        description = "launch PYTHON -m sglang.launch_server with the flags after --")
    String sglang;

    @Option(
        names = "--mlc",
        paramLabel = "MLC_LLM",
        description = "launch MLC_LLM serve with the flags after -- (the model first)")
    String mlc;
  }

  @Option(
      names = "--concurrency",
      paramLabel = "N,N,..",
      description = "closed-loop levels: requests in flight (default 1 unless --rate)")
  String concurrency;

  @Option(
      names = "--rate",
      paramLabel = "R,R,..",
      description = "open-loop levels: Poisson arrivals per second, or inf")
  String rate;

  @Option(names = "--requests", description = "requests per level (default: ${DEFAULT-VALUE})")
  int requests = 100;

  @Option(
      names = "--prompt-tokens",
      description = "prompt length in tokens (words for text prompts; default: ${DEFAULT-VALUE})")
  int promptTokens = 512;

  @Option(
      names = "--max-tokens",
      description =
          "max_tokens of every request, generated in full (ignore_eos; default: ${DEFAULT-VALUE})")
  int maxTokens = 128;

  @Option(
      names = "--dataset",
      paramLabel = "FILE",
      description = "ShareGPT-style JSON to take prompts from (none is downloaded)")
  Path dataset;

  @Option(
      names = "--slo",
      paramLabel = "BOUNDS",
      description = "goodput bounds, e.g. ttft=200ms,tpot=50ms,e2e=2s")
  String slo;

  @Option(
      names = "--out",
      paramLabel = "FILE.jsonl",
      description = "JSONL file to append to (default: stdout)")
  Path out;

  @Option(names = "--model", description = "the model field (default: the server's first model)")
  String model = "";

  @Option(
      names = "--chat",
      description = "stream /v1/chat/completions (text prompts) instead of /v1/completions")
  boolean chat;

  @Option(
      names = "--warmup",
      description = "requests before the first level, not counted (default: ${DEFAULT-VALUE})")
  int warmup = 2;

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      description = "per request, headers to end of stream (default: ${DEFAULT-VALUE})")
  long requestTimeoutS = 600;

  @Option(names = "--seed", description = "seeds prompts and arrivals (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--prompt-format",
      description =
          "auto, words (random words, tokenized by the server's /tokenize, sent as exactly"
              + " --prompt-tokens ids), tokens (random ids below the vocabulary) or text; auto:"
              + " words for llama-server and vLLM, tokens when --vocab-size is given, else text")
  String promptFormat = "auto";

  @Option(
      names = "--vocab-size",
      description = "draw token ids below this (default: the server's n_vocab)")
  int vocabSize;

  @Option(
      names = "--server",
      description =
          "which extras to send when attaching: llama-server, vllm, sglang, mlc-llm, openai (default: from /v1/models)")
  String server;

  @Option(
      names = "--extra-body",
      paramLabel = "JSON",
      description = "a JSON object merged into every request")
  String extraBody = "";

  @Option(
      names = "--no-metrics",
      description = "do not scrape /metrics before and after each level")
  boolean noMetrics;

  @Option(
      names = "--ready-timeout",
      paramLabel = "SECONDS",
      description = "how long a launched server may take to be ready (default: ${DEFAULT-VALUE})")
  long readyTimeoutS = 600;

  @Option(
      names = "--server-log",
      paramLabel = "FILE",
      description = "a launched server's output (default: beside --out, FILE.server.log)")
  Path serverLog;

  @Option(
      names = "--env",
      description = "a variable for a launched server, NAME=VALUE (repeatable)")
  Map<String, String> env = new LinkedHashMap<>();

  @Parameters(description = "the launched server's flags, after --")
  List<String> flags = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    ServeBench bench = configure(base());
    PrintWriter err = spec.commandLine().getErr();
    ServeRun run;
    try (ServeJsonl sink =
        out == null ? ServeJsonl.to(spec.commandLine().getOut()) : ServeJsonl.append(out)) {
      run = bench.run(sink, s -> progress(s, err));
    }
    if (!run.failure().isEmpty()) err.println("not measured: " + run.failure());
    err.print(ServeTable.of(run.summaries()));
    if (out != null) err.println("-> " + out);
    err.flush();
    return run.allOk() ? 0 : RunRows.SOME_ROWS_FAILED;
  }

  /** A level's line, and its failure reasons (the commonest three) so nobody has to grep. */
  private static void progress(LevelSummary s, PrintWriter err) {
    err.println(s);
    s.errorReasons().entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(3)
        .forEach(e -> err.println("  " + e.getValue() + " x " + e.getKey()));
    err.flush();
  }

  private ServeBench base() {
    if (target.url != null) {
      if (!flags.isEmpty())
        throw new BadInputException(
            "server flags after -- need a launcher (--llama-server, --vllm, --sglang, --mlc), not --url");
      return ServeBench.at(target.url);
    }
    ServerLaunch launch =
        target.llamaServer != null
            ? ServerLaunch.llamaServer(target.llamaServer, flags)
            : target.vllm != null
                ? ServerLaunch.vllm(target.vllm, flags)
                : target.sglang != null
                    ? ServerLaunch.sglang(target.sglang, flags)
                    : ServerLaunch.mlc(target.mlc, flags);
    ServeBench b =
        ServeBench.launching(launch).serverLog(serverLog != null ? serverLog : defaultLog());
    for (Map.Entry<String, String> e : env.entrySet()) b = b.env(e.getKey(), e.getValue());
    return b;
  }

  private Path defaultLog() {
    if (out == null) return Path.of("serve-bench.server.log");
    String name = out.getFileName().toString().replaceFirst("\\.jsonl$", "");
    return out.resolveSibling(name + ".server.log");
  }

  private ServeBench configure(ServeBench b) {
    List<Level> levels = new ArrayList<>();
    if (concurrency != null) levels.addAll(Level.concurrencies(concurrency));
    if (rate != null) levels.addAll(Level.rates(rate));
    if (levels.isEmpty()) levels.add(Level.concurrency(1));
    b =
        b.levels(levels)
            .requests(requests)
            .promptTokens(promptTokens)
            .maxTokens(maxTokens)
            .model(model)
            .chat(chat)
            .warmup(warmup)
            .requestTimeout(Duration.ofSeconds(requestTimeoutS))
            .seed(seed)
            .promptFormat(format())
            .vocabSize(vocabSize)
            .extraBody(extraBody)
            .scrapeMetrics(!noMetrics)
            .readyTimeout(Duration.ofSeconds(readyTimeoutS))
            .apiKey(System.getenv().getOrDefault("OPENAI_API_KEY", ""));
    if (dataset != null) b = b.dataset(dataset);
    if (slo != null) b = b.slo(slo);
    if (server != null) b = b.server(ServerKind.fromLabel(server));
    return b;
  }

  private ServeSettings.PromptFormat format() {
    try {
      return ServeSettings.PromptFormat.valueOf(promptFormat.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          "--prompt-format is auto, tokens or text, got '" + promptFormat + "'");
    }
  }
}
