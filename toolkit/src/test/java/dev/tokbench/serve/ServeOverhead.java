package dev.tokbench.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test), run by scripts/bench-serve: how much the client adds to what it measures.
 * The scripted SSE server runs in a JVM of its own (so its CPU is not the client's) and streams
 * every request on a script (first token after TTFT ms, then one chunk per ITL ms). For each
 * concurrency, after an unmeasured warm-up level at the same concurrency, one measured level; then:
 *
 * <ul>
 *   <li>measured minus scripted, at p50, for TTFT and ITL: what a user would see as the client's
 *       overhead (it includes the server's own lateness: its sleeps overshoot, more so with 256
 *       threads on 2 cores);
 *   <li>measured minus written, at p50: against the times the server really wrote the chunks
 *       (request read to first content chunk; chunk to chunk), which leaves the client, the
 *       loopback and the kernel;
 *   <li>the client JVM's CPU time over the measured level per streamed token (JIT and GC included,
 *       after the warm-up level);
 *   <li>the client's queue time at p50 ({@link RequestRecord#clientQueueMs}): the JDK's request
 *       path before it took the body, which the latencies leave out (they count from the take).
 * </ul>
 *
 * Arguments: concurrencies (1,256), requests per level for concurrency 1, tokens per request, TTFT
 * ms, ITL ms, and the shell command that starts the server (taking --ttft-ms and --itl-ms).
 */
public final class ServeOverhead {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ServeOverhead() {}

  public static void main(String[] args) throws Exception {
    List<Integer> levels = new ArrayList<>();
    for (String s : args[0].split(",")) levels.add(Integer.parseInt(s.trim()));
    int requestsAtOne = Integer.parseInt(args[1]);
    int tokens = Integer.parseInt(args[2]);
    long ttft = Long.parseLong(args[3]);
    long itl = Long.parseLong(args[4]);
    String serverCommand = args[5] + " --ttft-ms " + ttft + " --itl-ms " + itl;
    Process server =
        new ProcessBuilder("sh", "-c", serverCommand)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader from =
            new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter to = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8)) {
      String first = from.readLine();
      if (first == null || !first.startsWith("port "))
        throw new IllegalStateException("the server said " + first);
      URI url = URI.create("http://127.0.0.1:" + first.substring(5).trim());
      System.out.printf(
          Locale.ROOT,
          "script: TTFT %d ms, then %d chunks %d ms apart, a token each%n",
          ttft,
          tokens - 1,
          itl);
      System.out.println(
          "concurrency  requests  TTFT p50 over script / over written   ITL p50 over script / over written   client CPU per token   tokens/s   client queue p50 (not in TTFT)");
      baseline(url, requestsAtOne, tokens, ttft, itl, from, to);
      for (int c : levels) {
        int requests = Math.max(requestsAtOne, 2 * c);
        measure(url, c, requests, tokens, ttft, itl, from, to);
      }
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private static void measure(
      URI url,
      int c,
      int requests,
      int tokens,
      long ttft,
      long itl,
      BufferedReader from,
      PrintWriter to)
      throws Exception {
    RequestBodies bodies =
        new RequestBodies(
            "scripted", false, ServerKind.LLAMA_SERVER, new ObjectMapper().createObjectNode());
    PromptSource prompts = PromptSource.randomTokens(1000, 64, 1);
    try (StreamingClient client =
        new StreamingClient(url.resolve(bodies.path()), Duration.ofMinutes(5), "")) {
      Level level = Level.concurrency(c);
      LoadRunner.run(
          client,
          level,
          prepare(bodies, prompts, 0, requests, tokens),
          0,
          (t0, r) -> {}); // warm-up
      stats(from, to); // forget the warm-up's written times
      List<Prepared> reqs = prepare(bodies, prompts, requests, requests, tokens);
      long cpu0 = OS.getProcessCpuTime();
      LoadRunner.LevelRun run = LoadRunner.run(client, level, reqs, 0, (t0, r) -> {});
      long cpu = OS.getProcessCpuTime() - cpu0;
      double[] written = stats(from, to);
      LevelSummary s =
          LevelSummary.of(
              level,
              run.started(),
              run.t0(),
              run.records(),
              Slo.NONE,
              dev.tokbench.serve.metrics.MetricsDelta.NONE,
              "");
      if (s.errors() > 0)
        throw new IllegalStateException(s.errors() + " requests failed: " + s.errorReasons());
      System.out.printf(
          Locale.ROOT,
          "%11d  %8d  %+14.3f ms / %+9.3f ms        %+14.3f ms / %+9.3f ms       %10.1f us        %8.0f   %8.3f ms%n",
          c,
          requests,
          s.ttft().p50() - ttft,
          s.ttft().p50() - written[0],
          s.itl().p50() - itl,
          s.itl().p50() - written[1],
          cpu / 1e3 / s.outputTokens(),
          s.outputTokPerS(),
          Distribution.of(run.records().stream().map(RequestRecord::clientQueueMs).toList()).p50());
    }
  }

  /**
   * The same requests from a blocking raw socket (one connection, one request at a time, no HTTP
   * library, chunk boundaries found by searching for the chunk text): what this machine's scheduler
   * and loopback cost by themselves, so the rows above can be read against it.
   */
  private static void baseline(
      URI url, int requests, int tokens, long ttft, long itl, BufferedReader from, PrintWriter to)
      throws Exception {
    RequestBodies bodies =
        new RequestBodies(
            "scripted", false, ServerKind.LLAMA_SERVER, new ObjectMapper().createObjectNode());
    PromptSource prompts = PromptSource.randomTokens(1000, 64, 2);
    List<Double> ttfts = new ArrayList<>();
    List<Double> gaps = new ArrayList<>();
    try (java.net.Socket sock = new java.net.Socket(url.getHost(), url.getPort())) {
      sock.setTcpNoDelay(true);
      java.io.InputStream in = sock.getInputStream();
      for (int i = 0; i < 2 * requests; i++) {
        String body = bodies.prepare(prompts.prompt(i), tokens).body();
        String req =
            "POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n"
                + body;
        if (i == requests) stats(from, to); // the first half warmed up
        long t0 = System.nanoTime();
        sock.getOutputStream().write(req.getBytes(StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[65536];
        long last = -1;
        int next = 0;
        while (seen.indexOf("data: [DONE]") < 0 || !seen.toString().endsWith("0\r\n\r\n")) {
          int n = in.read(buf);
          long now = System.nanoTime();
          seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
          while (seen.indexOf("\"t" + next + "\"") >= 0) { // each read carries one chunk here
            if (i >= requests) {
              if (next == 0) ttfts.add((now - t0) / 1e6);
              else gaps.add((now - last) / 1e6);
            }
            last = now;
            next++;
          }
        }
      }
    }
    double[] written = stats(from, to);
    Distribution t = Distribution.of(ttfts);
    Distribution g = Distribution.of(gaps);
    System.out.printf(
        Locale.ROOT,
        "raw socket   %8d  %+14.3f ms / %+9.3f ms        %+14.3f ms / %+9.3f ms       (baseline, 1 in flight)%n",
        requests,
        t.p50() - ttft,
        t.p50() - written[0],
        g.p50() - itl,
        g.p50() - written[1]);
  }

  private static List<Prepared> prepare(
      RequestBodies bodies, PromptSource prompts, int from, int n, int tokens) {
    List<Prepared> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) out.add(bodies.prepare(prompts.prompt(i), tokens));
    return out;
  }

  /** The server's written TTFT and ITL p50 since the last call, ms. */
  private static double[] stats(BufferedReader from, PrintWriter to) throws Exception {
    to.println("stats");
    String line = from.readLine(); // written ttft_p50_ms=.. itl_p50_ms=.. ttft_n=.. itl_n=..
    double[] v = new double[2];
    for (String part : line.split(" ")) {
      if (part.startsWith("ttft_p50_ms=")) v[0] = Double.parseDouble(part.substring(12));
      if (part.startsWith("itl_p50_ms=")) v[1] = Double.parseDouble(part.substring(11));
    }
    return v;
  }
}
