package dev.tokbench.cli;

import dev.tokbench.BadInputException;
import dev.tokbench.formats.serve.ServeLines;
import dev.tokbench.results.ResultsFile;
import dev.tokbench.serve.Level;
import dev.tokbench.serve.LevelSummary;
import dev.tokbench.serve.ServeBench;
import dev.tokbench.serve.ServeJsonl;
import dev.tokbench.serve.ServeRun;
import dev.tokbench.serve.ServeSettings;
import dev.tokbench.serve.ServeTable;
import dev.tokbench.serve.ServerKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
      "Load-test an OpenAI-compatible server with streamed requests, as vllm bench serve does.",
      "It measures TTFT, TPOT, ITL, end-to-end latency, throughput and goodput per load level."
          + " JSONL (run, warmup, request and summary lines) goes to --out, else to stdout; a"
          + " table to stderr. Exit status 3 when any request failed."
    },
    footer = {
      "",
      "Examples:",
      "  tokbench serve-bench --url http://127.0.0.1:8080 --concurrency 1,4,16 \\",
      "      --requests 64 --prompt-tokens 512 --max-tokens 128 --out serve.jsonl",
      "  tokbench serve-bench --llama-server llama-server --concurrency 1,4 \\",
      "      --out s.jsonl -- -m model.gguf --parallel 4 -c 8192 --metrics --cache-ram 0"
    })
final class ServeBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Attach to a server, or launch one: exactly one of them. */
  @ArgGroup(exclusive = true, multiplicity = "1")
  ServeBenchTarget target;

  @Option(
      names = "--concurrency",
      paramLabel = "LEVELS",
      description =
          "Closed-loop levels, comma-separated: requests in flight (default: 1 unless --rate).")
  String concurrency;

  @Option(
      names = "--rate",
      paramLabel = "LEVELS",
      description = "Open-loop levels, comma-separated: Poisson arrivals per second, or inf.")
  String rate;

  @Option(
      names = "--requests",
      paramLabel = "N",
      description = "Requests per level (default: ${DEFAULT-VALUE}).")
  int requests = 100;

  @Option(
      names = "--prompt-tokens",
      paramLabel = "N",
      description =
          "The prompt length in tokens, in words for text prompts (default: ${DEFAULT-VALUE}).")
  int promptTokens = 512;

  @Option(
      names = "--max-tokens",
      paramLabel = "N",
      description =
          "The max_tokens of every request, generated in full with ignore_eos (default:"
              + " ${DEFAULT-VALUE}).")
  int maxTokens = 128;

  @Option(
      names = "--dataset",
      paramLabel = "FILE",
      description = "A ShareGPT-style JSON file to take prompts from (none is downloaded).")
  Path dataset;

  @Option(
      names = "--slo",
      paramLabel = "BOUNDS",
      description = {"Goodput bounds, for example:", "ttft=200ms,tpot=50ms,e2e=2s."})
  String slo;

  @Option(
      names = "--out",
      paramLabel = "FILE.jsonl",
      description = "The JSONL file to append to (default: stdout).")
  Path out;

  @Option(
      names = "--results",
      paramLabel = "FILE",
      description = {
        "Also append a results row per level to this results file (.csv or .jsonl), test kind"
            + " serve (serve c4, serve r2), as it ends.",
        "Into a data folder, put --out in its runs/ instead: the report reads the JSONL itself."
      })
  Path results;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description = "The requests' model field (default: the server's first model).")
  String model = "";

  @Option(
      names = "--chat",
      description = "Stream /v1/chat/completions (text prompts) instead of /v1/completions.")
  boolean chat;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description = "Requests before the first level, not counted (default: ${DEFAULT-VALUE}).")
  int warmup = 2;

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      description =
          "The time a request may take, headers to end of stream (default: ${DEFAULT-VALUE}).")
  long requestTimeoutS = 600;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seeds prompts and arrivals (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--prompt-format",
      paramLabel = "FORMAT",
      description = {
        "How prompts are made: auto, words, tokens or text (default: ${DEFAULT-VALUE}).",
        "Words are random words, tokenized by the server's /tokenize and sent as exactly"
            + " --prompt-tokens ids; tokens are random ids below the vocabulary; auto is words for"
            + " llama-server and vLLM, tokens when --vocab-size is given, else text."
      })
  String promptFormat = "auto";

  @Option(
      names = "--vocab-size",
      paramLabel = "N",
      description = "Draw token ids below this (default: the server's n_vocab).")
  int vocabSize;

  @Option(
      names = "--server",
      paramLabel = "KIND",
      description =
          "Which extras to send when attaching: llama-server, vllm, sglang, mlc-llm, openai"
              + " (default: from /v1/models).")
  String server;

  @Option(
      names = "--extra-body",
      paramLabel = "JSON",
      description = "A JSON object merged into every request.")
  String extraBody = "";

  @Option(
      names = "--ban-byte-tokens",
      description = {
        "Ban llama-server's byte tokens 0x80-0xFF (a logit_bias from the vocabulary of the GGUF"
            + " its /props names), so that a random-weight model writes valid UTF-8.",
        "llama-server fails a request whose text is not (\"does not match the expected"
            + " Content-only format\")."
      })
  boolean banByteTokens;

  @Option(
      names = "--no-metrics",
      description = "Do not scrape /metrics before and after each level.")
  boolean noMetrics;

  @Option(
      names = "--ready-timeout",
      paramLabel = "SECONDS",
      description = "How long a launched server may take to be ready (default: ${DEFAULT-VALUE}).")
  long readyTimeoutS = 600;

  @Option(
      names = "--server-log",
      paramLabel = "FILE",
      description = {
        "A launched server's output.",
        "Default: FILE.server.log beside --out, else serve-bench.server.log."
      })
  Path serverLog;

  @Option(
      names = "--env",
      paramLabel = "NAME=VALUE",
      description = "A variable for a launched server; repeat for more.")
  Map<String, String> env = new LinkedHashMap<>();

  @Parameters(paramLabel = "FLAG", description = "The launched server's flags, after --.")
  List<String> flags = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    ServeBench bench = configure(base());
    PrintWriter err = spec.commandLine().getErr();
    ServeRun run;
    try (ResultsFile rows = results == null ? null : ResultsFile.append(results);
        ServeJsonl sink = sink(rows)) {
      run = bench.run(sink, s -> progress(s, err));
    }
    if (!run.failure().isEmpty()) err.println("not measured: " + run.failure());
    err.print(ServeTable.of(run.summaries()));
    if (out != null) err.println("-> " + out);
    if (results != null) err.println("-> " + results);
    err.flush();
    return run.allOk() ? 0 : RunRows.SOME_ROWS_FAILED;
  }

  /** The JSONL's sink; with {@code rows}, each summary line also a row appended there. */
  private ServeJsonl sink(ResultsFile rows) {
    ServeJsonl jsonl =
        out == null ? ServeJsonl.to(spec.commandLine().getOut()) : ServeJsonl.append(out);
    if (rows == null) return jsonl;
    ServeLines lines = new ServeLines(out == null ? "stdout" : out.toString());
    return jsonl.alsoTo(line -> lines.next(line).ifPresent(rows));
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
    ServeBench b =
        ServeBench.launching(target.launch(flags))
            .serverLog(serverLog != null ? serverLog : defaultLog());
    for (Map.Entry<String, String> e : env.entrySet()) b = b.env(e.getKey(), e.getValue());
    return b;
  }

  private Path defaultLog() {
    if (out == null) return Path.of("serve-bench.server.log");
    String name = out.getFileName().toString().replaceFirst("\\.jsonl$", "");
    return out.resolveSibling(name + ".server.log");
  }

  private ServeBench configure(ServeBench b) {
    b =
        b.levels(Level.of(concurrency, rate))
            .requests(requests)
            .promptTokens(promptTokens)
            .maxTokens(maxTokens)
            .model(model)
            .chat(chat)
            .warmup(warmup)
            .requestTimeout(Duration.ofSeconds(requestTimeoutS))
            .seed(seed)
            .promptFormat(ServeSettings.PromptFormat.of(promptFormat))
            .vocabSize(vocabSize)
            .extraBody(extraBody)
            .scrapeMetrics(!noMetrics)
            .banByteTokens(banByteTokens)
            .readyTimeout(Duration.ofSeconds(readyTimeoutS))
            .apiKey(System.getenv().getOrDefault("OPENAI_API_KEY", ""));
    if (dataset != null) b = b.dataset(dataset);
    if (slo != null) b = b.slo(slo);
    if (server != null) b = b.server(ServerKind.fromLabel(server));
    return b;
  }
}
