package dev.tokbench.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
      while ((head = HttpRequestHead.read(in)) != null) {
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
        return plain(out, 404, "text/plain", "no such path: " + head.path());
    }
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

  /** The request line, the headers that matter, and the body. */
  record HttpRequestHead(String method, String path, int contentLength, byte[] bodyBytes) {
    String body() {
      return new String(bodyBytes, StandardCharsets.UTF_8);
    }

    /** The next request on the connection; null at its end. */
    static HttpRequestHead read(InputStream in) throws IOException {
      String requestLine = line(in);
      if (requestLine == null) return null;
      int length = 0;
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("content-length"))
          length = Integer.parseInt(h.substring(colon + 1).trim());
      }
      String[] parts = requestLine.split(" ");
      byte[] body = in.readNBytes(length);
      return new HttpRequestHead(parts[0], parts.length > 1 ? parts[1] : "/", length, body);
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') if (c != '\r') b.write(c);
      return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }
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
