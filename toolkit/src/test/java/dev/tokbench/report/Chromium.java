package dev.tokbench.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven over the DevTools protocol on a loopback port: load a page,
 * collect console messages, exceptions, log entries and every network request, evaluate script,
 * take a screenshot. Without {@code chromium} a test is skipped and says why ({@code .ci/run}
 * installs it).
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Process process;
  private WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  private Chromium(Process process) {
    this.process = process;
  }

  /** The browser's path: {@code CHROMIUM}, else {@code /usr/bin/chromium}; skips when absent. */
  static Path require() {
    Path p = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    boolean present = Files.isExecutable(p);
    String reason = "no headless browser: " + p + " is missing (apt-get install chromium)";
    if (!present) System.out.println("skipped: " + reason);
    assumeTrue(present, reason);
    return p;
  }

  /** Starts the browser with an empty profile in {@code profile} and attaches to its page. */
  static Chromium start(Path binary, Path profile) throws IOException, InterruptedException {
    List<String> cmd =
        List.of(
            binary.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--user-data-dir=" + profile,
            "about:blank");
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String browserWs = listening(p);
    URI base = URI.create(browserWs.replace("ws://", "http://"));
    String list = "http://" + base.getHost() + ":" + base.getPort() + "/json/list";
    HttpClient http = HttpClient.newHttpClient();
    String pageWs = null;
    for (int i = 0; i < 100 && pageWs == null; i++) {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(list)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      for (JsonNode t : JSON.readTree(body)) {
        if (t.path("type").asText().equals("page"))
          pageWs = t.path("webSocketDebuggerUrl").asText();
      }
      if (pageWs == null) Thread.sleep(100);
    }
    if (pageWs == null) throw new IOException("Chromium opened no page: " + list);
    Chromium c = new Chromium(p);
    c.socket = http.newWebSocketBuilder().buildAsync(URI.create(pageWs), c.new Listener()).join();
    return c;
  }

  private static String listening(Process p) throws IOException {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    long end = System.nanoTime() + WAIT.toNanos();
    StringBuilder seen = new StringBuilder();
    String line;
    while (System.nanoTime() < end && (line = err.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> err.lines().forEach(l -> {}), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    p.destroyForcibly();
    throw new IOException("Chromium did not say where DevTools listens; stderr:\n" + seen);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        receive(text);
      }
      ws.request(1);
      return null;
    }
  }

  private void receive(String text) {
    try {
      JsonNode msg = JSON.readTree(text);
      if (msg.has("id")) {
        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
        if (f != null) f.complete(msg);
      } else {
        events.add(msg);
        if (msg.path("method").asText().equals("Page.loadEventFired")) loaded.complete(null);
      }
    } catch (IOException e) {
      throw new IllegalStateException("DevTools sent what is not JSON: " + text, e);
    }
  }

  /** Sends a DevTools command and waits for its result (an error reply throws). */
  JsonNode send(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(msg), true).join();
    JsonNode r = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (r.has("error")) throw new IllegalStateException(method + ": " + r.get("error"));
    return r.path("result");
  }

  /** Opens {@code url} and waits for its load event, recording what it logs and fetches. */
  void load(String url, int width, int height) throws Exception {
    for (String domain : List.of("Page", "Runtime", "Log", "Network"))
      send(domain + ".enable", Map.of());
    send(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    loaded = new CompletableFuture<>();
    events.clear();
    send("Page.navigate", Map.of("url", url));
    loaded.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The value of a script's last expression, as JSON ({@code returnByValue}). */
  JsonNode evaluate(String script) throws Exception {
    JsonNode r = send("Runtime.evaluate", Map.of("expression", script, "returnByValue", true));
    if (r.has("exceptionDetails"))
      throw new IllegalStateException(script + ": " + r.get("exceptionDetails"));
    return r.path("result").path("value");
  }

  /** Console errors and warnings, uncaught exceptions and error log entries, as text. */
  List<String> problems() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : events) {
      String m = e.path("method").asText();
      JsonNode p = e.path("params");
      if (m.equals("Runtime.consoleAPICalled")
          && List.of("error", "warning", "assert").contains(p.path("type").asText())) {
        out.add("console." + p.path("type").asText() + ": " + p.path("args"));
      } else if (m.equals("Runtime.exceptionThrown")) {
        out.add("exception: " + p.path("exceptionDetails"));
      } else if (m.equals("Log.entryAdded")
          && List.of("error", "warning").contains(p.path("entry").path("level").asText())) {
        out.add("log: " + p.path("entry"));
      }
    }
    return out;
  }

  /** The URL of every request the page made, the page itself included. */
  List<String> requests() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : events) {
      if (e.path("method").asText().equals("Network.requestWillBeSent")) {
        out.add(e.path("params").path("request").path("url").asText());
      }
    }
    return out;
  }

  /** The whole page as PNG. */
  byte[] screenshot() throws Exception {
    JsonNode r =
        send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", false));
    return Base64.getDecoder().decode(r.path("data").asText());
  }

  @Override
  public void close() throws InterruptedException {
    if (socket != null) socket.abort();
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS))
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
