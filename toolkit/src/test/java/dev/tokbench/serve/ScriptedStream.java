package dev.tokbench.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/** One scripted response of the {@link ScriptedSseServer}: OpenAI completion or chat chunks. */
final class ScriptedStream {
  private final Script script;
  private final JsonNode request;
  private final boolean chat;
  private final long received;
  private final ScriptedSseServer server;
  private OutputStream out;

  ScriptedStream(
      Script script, JsonNode request, String path, long received, ScriptedSseServer server) {
    this.script = script;
    this.request = request;
    this.chat = path.contains("chat");
    this.received = received;
    this.server = server;
  }

  /** Writes the response; false when the connection must not be reused. */
  boolean write(InputStream in, OutputStream o, Socket socket) throws IOException {
    out = o;
    if (script.fault() == Script.Fault.DROP) {
      ScriptedSseServer.reset(socket);
      return false;
    }
    if (script.fault() == Script.Fault.HTTP_500) {
      String err =
          "{\"error\":{\"code\":500,\"message\":\"scripted failure\",\"type\":\"server_error\"}}";
      String head = "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n";
      out.write(
          (head + "Content-Length: " + err.length() + "\r\n\r\n" + err)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      return true;
    }
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\nX-Received-Ns: "
                + received
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    if (script.firstChunkMs() >= 0) {
      sleepUntil(received + script.firstChunkMs() * 1_000_000);
      event(chat ? "{\"delta\":{\"role\":\"assistant\",\"content\":null}" : "{\"text\":\"\"");
    }
    int chunks = chunks();
    long deadline = received + script.ttftMs() * 1_000_000;
    long ttft = -1;
    long last = 0;
    List<Long> gaps = new ArrayList<>();
    for (int i = 0; i < chunks; i++) {
      if (script.fault() != Script.Fault.NONE && i == script.faultAfter()) return fault(in, socket);
      sleepUntil(deadline);
      long t = System.nanoTime();
      event(chat ? "{\"delta\":{\"content\":\"t" + i + "\"}" : "{\"text\":\"t" + i + "\"");
      if (i == 0) ttft = t - received;
      else gaps.add(t - last);
      last = t;
      deadline += script.gapMs(i) * 1_000_000;
    }
    if (script.fault() != Script.Fault.NONE) return fault(in, socket);
    // counted before the end is sent: a client that scrapes /metrics right after sees them
    server.served(chunks * script.tokensPerChunk(), ttft, gaps);
    finish(chunks * script.tokensPerChunk());
    return true;
  }

  private int chunks() {
    if (script.chunks() >= 0) return script.chunks();
    int maxTokens =
        request.path("max_tokens").asInt(request.path("max_completion_tokens").asInt(16));
    return (maxTokens + script.tokensPerChunk() - 1) / script.tokensPerChunk();
  }

  private boolean fault(InputStream in, Socket socket) throws IOException {
    switch (script.fault()) {
      case RESET:
        ScriptedSseServer.reset(socket); // the client sees the connection broken
        return false;
      case END_WITHOUT_DONE:
        chunk("");
        return true;
      case MALFORMED:
        data("{not json");
        finish(script.faultAfter());
        return true;
      case ERROR_EVENT:
        return errorEvent("scripted decode failure");
      case NOT_UTF8: // word for word what llama-server (2026-08) sends
        return errorEvent(
            "The model produced output that does not match the expected Content-only format");
      case HANG:
        while (in.read() >= 0) {
          // wait for the client to give up and close
        }
        return false;
      default:
        throw new IllegalStateException("no fault to write: " + script.fault());
    }
  }

  /** An {@code {"error": ...}} event, then the end (llama-server's way). */
  private boolean errorEvent(String message) throws IOException {
    data("{\"error\":{\"code\":500,\"message\":\"" + message + "\",\"type\":\"server_error\"}}");
    chunk("");
    return true;
  }

  private void finish(int tokens) throws IOException {
    int prompt = promptTokens();
    String usage =
        String.format(
            Locale.ROOT,
            "\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,\"total_tokens\":%d}",
            prompt,
            tokens,
            prompt + tokens);
    String timings =
        String.format(
            Locale.ROOT,
            "\"timings\":{\"prompt_n\":%d,\"predicted_n\":%d,\"predicted_ms\":%.3f}",
            prompt,
            tokens,
            tokens * 1.5);
    String end =
        chat
            ? "{\"delta\":{},\"finish_reason\":\"length\"}"
            : "{\"text\":\"\",\"finish_reason\":\"length\"";
    if (chat) {
      data("{\"choices\":[" + end + "]}");
      if (script.usage()) data("{\"choices\":[]," + usage + "," + timings + "}");
    } else {
      data(
          "{\"choices\":["
              + end
              + "}]"
              + (script.usage() ? "," + usage : "")
              + ","
              + timings
              + "}");
    }
    data("[DONE]");
    chunk("");
  }

  private int promptTokens() {
    JsonNode p = request.path("prompt");
    if (p.isArray()) return p.size();
    String text = chat ? request.path("messages").path(0).path("content").asText() : p.asText();
    return text.isBlank() ? 0 : text.trim().split("\\s+").length;
  }

  /** One content or empty chunk; {@code choiceHead} is the choice object without its end. */
  private void event(String choiceHead) throws IOException {
    data(
        "{\"choices\":["
            + choiceHead
            + ",\"index\":0,\"finish_reason\":null}],\"sent_ns\":"
            + System.nanoTime()
            + "}");
  }

  private void data(String json) throws IOException {
    chunk("data: " + json + "\n\n");
  }

  private void chunk(String text) throws IOException {
    // one write per HTTP chunk, so that one event leaves in one segment as a real server's does
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    byte[] size = (Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[size.length + b.length + 2];
    System.arraycopy(size, 0, all, 0, size.length);
    System.arraycopy(b, 0, all, size.length, b.length);
    all[all.length - 2] = '\r';
    all[all.length - 1] = '\n';
    out.write(all);
    out.flush();
  }

  private static void sleepUntil(long deadline) {
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime())
      LockSupport.parkNanos(left);
  }
}
