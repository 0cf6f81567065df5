package dev.tokbench.serve;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Streams requests to one endpoint with the JDK's {@link HttpClient}, asynchronously: one selector
 * thread reads every connection, and a {@link HttpResponse.BodySubscriber} hands each read's bytes
 * to the request's {@link StreamRecorder} stamped with {@link System#nanoTime()} on arrival.
 * HTTP/1.1 is forced (for {@code http://} the client would otherwise send an {@code Upgrade: h2c}
 * header); its connection pool does not cap connections per host ({@code
 * jdk.httpclient.connectionPoolSize} only bounds idle ones, 0 = unbounded), so N requests in flight
 * use N connections, kept alive for the next request ({@code jdk.httpclient.keepalive.timeout},
 * 1200 s in Java 17). A server may close a kept-alive connection just as the next request is sent
 * on it (llama-server closes after every stream): an attempt that gets not one byte back is sent
 * once more on a new connection, and its record says so ({@link RequestRecord#retries()}).
 *
 * <p>Every request ends as a {@link RequestRecord}, never as an exception: a refused connection, an
 * HTTP error, a stream that stops or breaks, a malformed event, or the request timeout (which
 * covers the whole stream, not only the headers) become failed records with their reason.
 */
public final class StreamingClient implements AutoCloseable {
  private final HttpClient http;
  private final URI endpoint;
  private final Duration timeout;
  private final String apiKey;
  private final ScheduledThreadPoolExecutor timer;
  private final Set<Call> live = ConcurrentHashMap.newKeySet();

  /**
   * A client for {@code endpoint} (e.g. {@code http://127.0.0.1:8080/v1/completions}).
   *
   * @param timeout how long one request may take, headers to the end of its stream
   * @param apiKey sent as {@code Authorization: Bearer}; empty for none
   */
  public StreamingClient(URI endpoint, Duration timeout, String apiKey) {
    if (timeout.isNegative() || timeout.isZero())
      throw new IllegalArgumentException("request timeout must be positive, got " + timeout);
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.apiKey = apiKey == null ? "" : apiKey;
    this.http = httpClient(timeout);
    this.timer = new ScheduledThreadPoolExecutor(1, StreamingClient::daemon);
    timer.setRemoveOnCancelPolicy(true); // a timeout per request: cancelled ones must not pile up
  }

  /**
   * The shared HTTP/1.1 client; also used for the small GETs ({@code /health}, {@code /metrics}).
   */
  static HttpClient httpClient(Duration timeout) {
    Duration connect =
        timeout.compareTo(Duration.ofSeconds(30)) < 0 ? timeout : Duration.ofSeconds(30);
    HttpClient.Builder b =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connect);
    // the default executor: continuations (writing a finished request's JSONL line) run on its
    // threads, never on the selector thread that reads every stream
    return b.build();
  }

  /** Sends one request now; the future always completes with its record. */
  public CompletableFuture<RequestRecord> send(Prepared request) {
    return send(request, System.nanoTime());
  }

  /** Sends one request now that an open loop scheduled for {@code scheduledNanos}. */
  public CompletableFuture<RequestRecord> send(Prepared request, long scheduledNanos) {
    long start = System.nanoTime();
    StreamRecorder rec = new StreamRecorder(request, Math.min(scheduledNanos, start), start);
    Call call = new Call(httpRequest(request, rec), rec);
    live.add(call);
    call.attempt();
    ScheduledFuture<?> timing =
        timer.schedule(
            () -> call.end("timed out after " + seconds(timeout)),
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    return call.rec
        .result()
        .whenComplete(
            (r, e) -> {
              timing.cancel(false);
              live.remove(call);
            });
  }

  private HttpRequest httpRequest(Prepared request, StreamRecorder rec) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(endpoint)
            // the JDK's own timeout stops at the headers; ours (below) fires first and covers the
            // body
            .timeout(timeout.plusSeconds(5))
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(new StampedBody(request.body(), rec::sent));
    if (!apiKey.isEmpty()) b.header("Authorization", "Bearer " + apiKey);
    return b.build();
  }

  /** Ends every request in flight now as failed with {@code why} (a stopped notebook cell). */
  public void abortAll(String why) {
    for (Call c : live) c.end(why);
  }

  /** Aborts what is in flight and stops the timeout timer. */
  @Override
  public void close() {
    abortAll("client closed");
    timer.shutdownNow();
  }

  /** A failure as one line: {@code connection refused: Connection refused}. */
  static String reason(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) e = e.getCause();
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof ConnectException) return "connection refused: " + message;
    if (e instanceof HttpTimeoutException) return "no response headers in time: " + message;
    if (e instanceof IOException)
      return "connection broken: " + e.getClass().getName() + ": " + message;
    return e.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
  }

  /**
   * True when the JDK's HTTP/1.1 parser got not one byte of an answer: the connection closed or was
   * reset before the status line. On a kept-alive connection that is the server's close crossing
   * our request (cpp-httplib closes after every stream); the JDK retries a GET then, never a POST,
   * and reports both the same way whether the connection was pooled or new.
   */
  static boolean answeredNothing(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) e = e.getCause();
    return e instanceof IOException
        && !(e instanceof HttpTimeoutException)
        && String.valueOf(e.getMessage()).startsWith("HTTP/1.1 header parser received no bytes");
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "tokbench-serve-timeouts");
    t.setDaemon(true);
    return t;
  }

  /**
   * One request: its recorder, and the exchange now in flight. An attempt that got not a byte back
   * is sent once more on a new connection (the dead one is closed), and the record keeps why and
   * how long that attempt took; its latencies count from the retry's send, the one the server
   * answered.
   */
  private final class Call {
    private final HttpRequest req;
    private final StreamRecorder rec;
    private volatile Stream stream;

    Call(HttpRequest req, StreamRecorder rec) {
      this.req = req;
      this.rec = rec;
    }

    void attempt() {
      Stream s = new Stream(rec);
      stream = s;
      CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(req, s);
      s.exchange = exchange;
      if (rec.finished()) s.cancel(); // ended (timed out, aborted) while this retry was starting
      exchange.whenComplete(
          (r, e) -> {
            if (e == null) return;
            String why = reason(e);
            long now = System.nanoTime();
            if (answeredNothing(e) && rec.retry(why, now)) attempt();
            else rec.fail(why, now);
          });
    }

    /** Ends it now as failed with {@code why}, and stops its exchange. */
    void end(String why) {
      rec.fail(why, System.nanoTime());
      stream.cancel();
    }
  }

  /** Both the body handler (headers arrive) and the body subscriber (bytes arrive). */
  private static final class Stream
      implements HttpResponse.BodyHandler<Void>, HttpResponse.BodySubscriber<Void> {
    private final StreamRecorder rec;
    private final CompletableFuture<Void> body = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile CompletableFuture<HttpResponse<Void>> exchange;

    Stream(StreamRecorder rec) {
      this.rec = rec;
    }

    @Override
    public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
      rec.headers(info.statusCode(), System.nanoTime());
      return this;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (rec.finished()) s.cancel(); // timed out before the headers came
      else s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      long now = System.nanoTime(); // first: this is the arrival time of these bytes
      if (!rec.bytes(items, now)) cancel();
    }

    @Override
    public void onError(Throwable t) {
      rec.fail(reason(t), System.nanoTime());
      body.complete(null);
    }

    @Override
    public void onComplete() {
      rec.end(System.nanoTime());
      body.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
      return body;
    }

    /**
     * Stops the exchange: before the headers by cancelling it, after by cancelling the body
     * subscription (for HTTP/1.1 the JDK then closes the connection instead of pooling it).
     */
    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) s.cancel();
      CompletableFuture<HttpResponse<Void>> x = exchange;
      if (x != null) x.cancel(true);
      body.complete(null);
    }
  }
}
