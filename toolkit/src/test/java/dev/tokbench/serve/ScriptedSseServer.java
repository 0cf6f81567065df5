package dev.tokbench.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A real HTTP/1.1 server on loopback that streams OpenAI-style Server-Sent Events on a script, on a
 * raw {@link ServerSocket} so that every byte and every fault (a reset, a hang) is under control.
 * Keep-alive as a real server does; a thread per connection; {@code /health}, {@code /v1/models}
 * (with llama-server's {@code meta.n_vocab}) and {@code /metrics} (counters of what it served).
 * Each content chunk is paced from absolute deadlines, and the server records when it really wrote
 * each one, so a benchmark can tell the client's delay from the server's.
 */
public final class ScriptedSseServer implements AutoCloseable {
  static final int VOCAB = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerSocket socket;
  private final IntFunction<Script> scripts;
  private final AtomicInteger arrivals = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();
  private final AtomicInteger tokensServed = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();
  private final AtomicInteger crossedCloses = new AtomicInteger();
  private volatile boolean closesAfterEachStream;
  private volatile String modelPath;

  /** Server-side: request read to first content chunk written, and write-to-write gaps, ns. */
  final ConcurrentLinkedQueue<Long> writtenTtftNanos = new ConcurrentLinkedQueue<>();

  final ConcurrentLinkedQueue<Long> writtenGapNanos = new ConcurrentLinkedQueue<>();

  /** A server whose n-th completion request (0-based, in arrival order) follows scripts(n). */
  ScriptedSseServer(IntFunction<Script> scripts) throws IOException {
    this(scripts, 0);
  }

  ScriptedSseServer(IntFunction<Script> scripts, int port) throws IOException {
    this.scripts = scripts;
    // a deep backlog: 256 clients connecting at once must not wait for SYN retransmits
    this.socket = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "scripted-sse-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  int peakInFlight() {
    return peakInFlight.get();
  }

  int connections() {
    return connections.get();
  }

  int completionRequests() {
    return arrivals.get();
  }

  List<String> bodies() {
    return bodies;
  }

  /**
   * From now on the server ends each connection after a streamed completion, as cpp-httplib does
   * for llama-server (its headers offer keep-alive, then it closes). A client that reuses the
   * connection before it sees the close sends its next request into a closed socket and gets not a
   * byte back. Here the close is held until that next request has arrived, then sent as a reset, so
   * the client loses that race every time instead of now and then.
   */
  ScriptedSseServer closingAfterEachStream() {
    closesAfterEachStream = true;
    return this;
  }

  /** From now on {@code /props} answers as llama-server's does, naming {@code gguf}. */
  ScriptedSseServer servingModel(Path gguf) {
    modelPath = gguf.toString();
    return this;
  }

  /** Requests that came on a connection after its stream, and got a reset. */
  int crossedCloses() {
    return crossedCloses.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open) s.close();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        connections.incrementAndGet();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "scripted-sse-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s) {
    try (s;
        InputStream in = new BufferedInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream()) {
      HttpRequestHead head;
      boolean streamed = false;
      while ((head = HttpRequestHead.read(in)) != null) {
        if (streamed && closesAfterEachStream) {
          crossedCloses.incrementAndGet();
          reset(s);
          return;
        }
        streamed = head.path().endsWith("completions");
        if (!respond(head, in, out, s)) return;
      }
    } catch (IOException e) {
      // the client went away or the connection was reset: nothing to answer
    } finally {
      open.remove(s);
    }
  }

  /** Answers one request; false when the connection must not be reused. */
  private boolean respond(HttpRequestHead head, InputStream in, OutputStream out, Socket s)
      throws IOException {
    long received = System.nanoTime();
    switch (head.path()) {
      case "/health":
        return plain(out, 200, "application/json", "{\"status\":\"ok\"}");
      case "/v1/models":
        return plain(out, 200, "application/json", models());
      case "/metrics":
        return plain(out, 200, "text/plain; version=0.0.4", metrics());
      case "/props":
        if (modelPath == null) break;
        return plain(out, 200, "application/json", props());
      case "/tokenize":
        return plain(out, 200, "application/json", tokenize(head.body()));
      case "/v1/completions":
      case "/v1/chat/completions":
        String body = head.body();
        bodies.add(body);
        Script script = scripts.apply(arrivals.getAndIncrement());
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        try {
          return new ScriptedStream(script, JSON.readTree(body), head.path(), received, this)
              .write(in, out, s);
        } finally {
          inFlight.decrementAndGet();
        }
      default:
        break;
    }
    return plain(out, 404, "text/plain", "no such path: " + head.path());
  }

  /** Closes with a TCP reset, as a close with unread bytes in the socket does. */
  static void reset(Socket s) throws IOException {
    s.setSoLinger(true, 0);
    s.close();
  }

  void served(int tokens, long ttftNanos, List<Long> gaps) {
    tokensServed.addAndGet(tokens);
    if (ttftNanos >= 0) writtenTtftNanos.add(ttftNanos);
    writtenGapNanos.addAll(gaps);
  }

  private static boolean plain(OutputStream out, int status, String type, String body)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + (status == 200 ? " OK" : " Error")
            + "\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + b.length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(b);
    out.flush();
    return true;
  }

  /** One token per word: a word's id is its hash below the vocabulary size. */
  private static String tokenize(String body) throws IOException {
    StringBuilder ids = new StringBuilder();
    for (String w : JSON.readTree(body).path("content").asText().trim().split("\\s+")) {
      if (w.isEmpty()) continue;
      ids.append(ids.length() == 0 ? "" : ",").append(Math.floorMod(w.hashCode(), VOCAB));
    }
    return "{\"tokens\":[" + ids + "]}";
  }

  private String models() {
    return "{\"object\":\"list\",\"data\":[{\"id\":\"scripted-model\",\"object\":\"model\","
        + "\"owned_by\":\"llamacpp\",\"meta\":{\"n_vocab\":"
        + VOCAB
        + "}}]}";
  }

  private String props() {
    com.fasterxml.jackson.databind.node.ObjectNode p = JSON.createObjectNode();
    p.put("model_path", modelPath).put("total_slots", 1).put("build_info", "scripted");
    return p.toString();
  }

  private String metrics() {
    return String.format(
        Locale.ROOT,
        "# HELP scripted:requests_total Completion requests received.\n"
            + "# TYPE scripted:requests_total counter\n"
            + "scripted:requests_total %d\n"
            + "# HELP scripted:tokens_total Tokens streamed.\n"
            + "# TYPE scripted:tokens_total counter\n"
            + "scripted:tokens_total %d\n"
            + "# TYPE scripted:requests_processing gauge\n"
            + "scripted:requests_processing %d\n",
        arrivals.get(),
        tokensServed.get(),
        inFlight.get());
  }

  /**
   * Runs a server in its own process, standing in for a llama-server: {@code --port P} (else a free
   * one), {@code --ttft-ms T} and {@code --itl-ms G} (defaults 20 and 5); other flags ({@code -m})
   * are ignored. Prints {@code port P}, then serves until killed, answering {@code stats} lines on
   * stdin (see {@link StatsOnStdin}).
   */
  public static void main(String[] args) throws Exception {
    int port = 0;
    long ttft = 20;
    long gap = 5;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--port")) port = Integer.parseInt(args[++i]);
      else if (args[i].equals("--ttft-ms")) ttft = Long.parseLong(args[++i]);
      else if (args[i].equals("--itl-ms")) gap = Long.parseLong(args[++i]);
    }
    long t = ttft;
    long g = gap;
    try (ScriptedSseServer server = new ScriptedSseServer(n -> Script.steady(t, g, -1), port)) {
      System.out.println("port " + server.url().getPort());
      System.out.flush();
      new StatsOnStdin(server).run();
      Thread.sleep(Long.MAX_VALUE); // stdin closed: serve until killed
    }
  }
}
